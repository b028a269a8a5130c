package io.vodflow.signer.record;

import java.time.Instant;
import java.util.UUID;

/** A stored signature row as the API shows it (never the signature string or any key). */
public record SignatureRecord(
        UUID id,
        String userId,
        String secretId,
        long random,
        Instant issuedAt,
        Instant expiresAt,
        boolean oneTime,
        String procedure,
        Integer classId,
        Long vodSubAppId,
        Integer taskPriority,
        String taskNotifyMode,
        String storageRegion,
        String sessionContext,
        String context,
        String requesterIp,
        String sourceContext,
        SignatureState state,
        Instant stateChangedAt,
        Instant usedAt,
        String usedFileId,
        Instant revokedAt,
        Instant expiredAt) {

    /** The state as of {@code now}: an ISSUED row past its expiry counts as EXPIRED before the sweeper marks it. */
    public SignatureState effectiveState(Instant now) {
        return state == SignatureState.ISSUED && !expiresAt.isAfter(now) ? SignatureState.EXPIRED : state;
    }
}
