package io.vodflow.contract.event;

/**
 * What the ingress needs on its hot path, read without building the full event: format, type, keys,
 * the callback signature fields (Sign/T when VOD sends them in the body) and a dedupe id.
 */
public record CallbackRouting(WireFormat format, String eventType, String fileId, String taskId,
                              String sign, String t, String dedupeId) {

    /** FileId, else TaskId, else null. */
    public String routingKey() { return fileId != null && !fileId.isEmpty() ? fileId : taskId; }
}
