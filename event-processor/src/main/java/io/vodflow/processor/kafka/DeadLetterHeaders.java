package io.vodflow.processor.kafka;

/** Headers the processor adds to records it sends to vod.callbacks.DLT (original headers are kept). */
public final class DeadLetterHeaders {
    /** Class of the error that made the record unprocessable. */
    public static final String ERROR_CLASS = "dlt-error-class";
    /** Message of that error (truncated). */
    public static final String ERROR_MESSAGE = "dlt-error-message";
    /** Topic, partition and offset the record came from. */
    public static final String ORIGINAL_TOPIC = "dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "dlt-original-offset";
    /** When the processor gave up on it, epoch milliseconds. */
    public static final String FAILED_AT = "dlt-failed-at";
    /** How often the record was replayed into vod.callbacks so far. */
    public static final String REPLAYS = "dlt-replays";

    private DeadLetterHeaders() { }
}
