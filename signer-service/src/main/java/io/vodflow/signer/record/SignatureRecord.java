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
        Instant expiredAt,
        String idempotencyKey) {

    /** The row as of {@code now}: past its expiry an ISSUED row shows EXPIRED (since its expiry), as the sweeper will store it. */
    public SignatureRecord asOf(Instant now) {
        if (effectiveState(now) == state) {
            return this;
        }
        return new SignatureRecord(id, userId, secretId, random, issuedAt, expiresAt, oneTime, procedure, classId, vodSubAppId,
                taskPriority, taskNotifyMode, storageRegion, sessionContext, context, requesterIp, sourceContext,
                SignatureState.EXPIRED, expiresAt, usedAt, usedFileId, revokedAt, expiresAt, idempotencyKey);
    }

    /** The state as of {@code now}: an ISSUED row past its expiry counts as EXPIRED before the sweeper marks it. */
    public SignatureState effectiveState(Instant now) {
        return state == SignatureState.ISSUED && !expiresAt.isAfter(now) ? SignatureState.EXPIRED : state;
    }
}
