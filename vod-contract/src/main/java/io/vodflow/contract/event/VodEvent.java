package io.vodflow.contract.event;

/** One VOD event notification, from either wire format; unknown types are kept whole, never dropped. */
public sealed interface VodEvent permits NewFileUpload, ProcedureStateChanged, FileDeleted, UnknownEvent {

    /** The wire format the event arrived in. */
    WireFormat format();

    /** The event type as VOD names it (v3 {@code EventType} / v2 {@code eventType}). */
    String eventType();

    /** The Kafka key: FileId, or TaskId when the event has no FileId, or null when it has neither. */
    String routingKey();
}
