package io.vodflow.ingress.publish;

import io.vodflow.contract.event.WireFormat;

import java.util.Objects;

/**
 * One callback as it goes to {@code vod.callbacks}: key, the raw body bytes (never changed) and the
 * routing facts that become record headers.
 *
 * @param key        FileId, else TaskId; null when the event has neither (the record then has no key)
 * @param value      the callback body exactly as received
 * @param subAppId   VOD sub-application, null when unknown
 */
public record CallbackRecord(String key, byte[] value, WireFormat format, String eventType, long receivedAtMillis,
                             CallbackSource source, String subAppId, String dedupeId) {

    public CallbackRecord {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dedupeId, "dedupeId");
    }
}
