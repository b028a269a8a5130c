package io.vodflow.signer.record;

import java.util.UUID;

/** A row about to be inserted; epochs are whole seconds, exactly as they appear in the signature. */
public record NewSignature(
        UUID id,
        String userId,
        String secretId,
        long random,
        long issuedEpoch,
        long expireEpoch,
        boolean oneTime,
        String procedure,
        Integer classId,
        Long subAppId,
        Integer taskPriority,
        String taskNotifyMode,
        String storageRegion,
        String sessionContext,
        String clientContext,
        String requesterIp,
        String sourceContext,
        /** The client's Idempotency-Key, or null. */
        String idempotencyKey,
        /** SHA-256 of the request's fields when there is a key, to tell a retry from a reuse of the key. */
        String requestFingerprint) {

    /** The same row with another random, for a retry after a (secretId, second, random) collision. */
    public NewSignature withRandom(long newRandom) {
        return new NewSignature(id, userId, secretId, newRandom, issuedEpoch, expireEpoch, oneTime, procedure, classId,
                subAppId, taskPriority, taskNotifyMode, storageRegion, sessionContext, clientContext, requesterIp, sourceContext,
                idempotencyKey, requestFingerprint);
    }
}
