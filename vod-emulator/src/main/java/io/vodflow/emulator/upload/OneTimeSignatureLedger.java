package io.vodflow.emulator.upload;

import io.vodflow.contract.signature.UploadSignatureParams;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers one-time signatures VOD has already accepted, by the signature string and by
 * (secretId, currentTimeStamp, random): the contract says a repeated {@code random} within one second is a
 * "duplicate signature" even when the strings differ. Entries are forgotten once the signature has expired,
 * because an expired signature is refused anyway.
 */
final class OneTimeSignatureLedger {

    private static final int PRUNE_EVERY = 1024;

    private final Map<String, Long> expiryByKey = new HashMap<>();
    private int insertsSincePrune;

    /** Records the signature; false when it (or its secretId/timestamp/random triple) was seen before. */
    synchronized boolean claim(String signature, UploadSignatureParams params, long nowEpochSecond) {
        String stringKey = "s:" + signature;
        String tripleKey = "t:" + params.secretId() + '|' + params.currentTimeStamp() + '|' + params.random();
        if (isLive(stringKey, nowEpochSecond) || isLive(tripleKey, nowEpochSecond)) {
            return false;
        }
        expiryByKey.put(stringKey, params.expireTime());
        expiryByKey.put(tripleKey, params.expireTime());
        if (++insertsSincePrune >= PRUNE_EVERY) {
            insertsSincePrune = 0;
            expiryByKey.values().removeIf(expiry -> expiry < nowEpochSecond);
        }
        return true;
    }

    private boolean isLive(String key, long nowEpochSecond) {
        Long expiry = expiryByKey.get(key);
        return expiry != null && expiry >= nowEpochSecond;
    }
}
