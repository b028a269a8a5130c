package io.vodflow.signer.policy;

/** What the policy grants: the request with defaults applied and every rule checked. */
public record SigningTerms(
        String procedure,
        Integer classId,
        boolean oneTime,
        long ttlSeconds,
        String sessionContext,
        Integer taskPriority,
        String taskNotifyMode,
        String storageRegion,
        Long subAppId,
        String clientContext) {
}
