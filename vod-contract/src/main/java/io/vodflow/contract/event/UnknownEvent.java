package io.vodflow.contract.event;

/** Any other event type: kept with its raw body for audit, never dropped. */
public record UnknownEvent(WireFormat format, String eventType, String fileId, String taskId, byte[] rawBody)
        implements VodEvent {

    @Override public String routingKey() { return fileId != null && !fileId.isEmpty() ? fileId : taskId; }
}
