package io.vodflow.signer.record;

/** The row an Idempotency-Key was first used for, and the fingerprint of the request that created it. */
public record IdempotentOriginal(SignatureRecord record, String requestFingerprint) {

    /** The row again as the insert that created it, so the same signature can be answered once more. */
    public NewSignature asInserted() {
        SignatureRecord r = record;
        return new NewSignature(r.id(), r.userId(), r.secretId(), r.random(), r.issuedAt().getEpochSecond(),
                r.expiresAt().getEpochSecond(), r.oneTime(), r.procedure(), r.classId(), r.vodSubAppId(), r.taskPriority(),
                r.taskNotifyMode(), r.storageRegion(), r.sessionContext(), r.context(), r.requesterIp(), r.sourceContext(),
                r.idempotencyKey(), requestFingerprint);
    }
}
