package io.vodflow.contract.signature;

/**
 * The twelve parameters of a VOD client-upload signature (contract section 1.2); optional ones are null when absent.
 */
public record UploadSignatureParams(
        String secretId,
        long currentTimeStamp,
        long expireTime,
        long random,
        Integer classId,
        String procedure,
        Integer taskPriority,
        String taskNotifyMode,
        String sourceContext,
        Integer oneTimeValid,
        Long vodSubAppId,
        String sessionContext,
        String storageRegion) {

    /** Checks every rule of the contract; throws {@link SignatureParameterException} naming the parameter and rule. */
    public UploadSignatureParams validate() {
        SignatureParameterRules.check(this);
        return this;
    }
}
