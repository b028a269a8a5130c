package io.vodflow.contract.event;

/** {@code NewFileUpload}: a file finished uploading; carries the signer's sourceContext back. */
public record NewFileUpload(
        WireFormat format,
        String fileId,
        String procedureTaskId,
        String reviewAudioVideoTaskId,
        MediaBasicInfo basicInfo,
        MediaMetaData metaData) implements VodEvent {

    public static final String TYPE = "NewFileUpload";

    @Override public String eventType() { return TYPE; }

    @Override public String routingKey() { return fileId; }

    /** The sourceContext exactly as the signer issued it, or null. */
    public String sourceContext() { return basicInfo == null ? null : basicInfo.sourceContext(); }
}
