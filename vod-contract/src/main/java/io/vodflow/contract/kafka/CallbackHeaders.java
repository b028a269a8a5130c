package io.vodflow.contract.kafka;

/** Header names on {@code vod.callbacks} records. Values are UTF-8 strings. */
public final class CallbackHeaders {
    /** {@code v3} or {@code v2}. */
    public static final String FORMAT = "vod-format";
    /** The VOD event type. */
    public static final String EVENT_TYPE = "vod-event-type";
    /** Receive time at the ingress, epoch milliseconds as decimal text. */
    public static final String RECEIVED_AT = "vod-received-at";
    /** {@code push} or {@code pull}. */
    public static final String SOURCE = "vod-source";
    /** VOD sub-application id, when known. */
    public static final String SUB_APP = "vod-sub-app";
    /** SHA-256 hex over the event without EventHandle/Sign/T; equal for redeliveries. */
    public static final String DEDUPE_ID = "vod-dedupe-id";

    private CallbackHeaders() { }
}
