package io.vodflow.contract.event;

import java.util.List;

/** {@code FileDeleted}: media removed from VOD. */
public record FileDeleted(WireFormat format, List<String> fileIds) implements VodEvent {

    public static final String TYPE = "FileDeleted";

    @Override public String eventType() { return TYPE; }

    @Override public String routingKey() { return fileIds == null || fileIds.isEmpty() ? null : fileIds.get(0); }
}
