package io.vodflow.contract.kafka;

/** Kafka topic names shared by the services. */
public final class VodTopics {
    /** Raw VOD callbacks, value = body bytes untouched, key = FileId (TaskId when none). */
    public static final String CALLBACKS = "vod.callbacks";
    /** Callbacks the processor can never handle, with the error in headers. */
    public static final String CALLBACKS_DLT = "vod.callbacks.DLT";
    /** Domain events for downstream services, key = FileId. */
    public static final String MEDIA_EVENTS = "vod.media.events";

    private VodTopics() { }
}
