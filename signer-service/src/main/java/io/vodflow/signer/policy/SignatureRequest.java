package io.vodflow.signer.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a caller asks for in {@code POST /v1/upload-signatures}; every field is optional (null = policy default).
 * {@code context} is the caller's own note (at most 1 KB), stored with the record and never sent to VOD.
 */
public record SignatureRequest(
        String procedure,
        Integer classId,
        Boolean oneTime,
        Long ttlSeconds,
        String sessionContext,
        Integer taskPriority,
        String taskNotifyMode,
        String storageRegion,
        Long vodSubAppId,
        String context) {

    /**
     * SHA-256 (hex) of every field, length-prefixed so no two requests share one: an Idempotency-Key's retry must
     * carry the same fields as its first use.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {procedure, classId, oneTime, ttlSeconds, sessionContext, taskPriority,
                taskNotifyMode, storageRegion, vodSubAppId, context}) {
            if (field == null) {
                canonical.append("-;");
            } else {
                String text = field.toString();
                canonical.append(text.length()).append(':').append(text).append(';');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The request with every field left to the policy, for an empty body. */
    public static SignatureRequest defaults() {
        return new SignatureRequest(null, null, null, null, null, null, null, null, null, null);
    }
}
