package io.vodflow.signer.policy;

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

    /** The request with every field left to the policy, for an empty body. */
    public static SignatureRequest defaults() {
        return new SignatureRequest(null, null, null, null, null, null, null, null, null, null);
    }
}
