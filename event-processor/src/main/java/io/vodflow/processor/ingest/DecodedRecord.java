package io.vodflow.processor.ingest;

import io.vodflow.contract.event.VodEvent;
import io.vodflow.processor.kafka.CallbackRecord;

/** A vod.callbacks record after parsing: an event with its dedupe id, or a record that can never be processed. */
public sealed interface DecodedRecord {

    CallbackRecord record();

    /**
     * A parsed event; {@code receivedAtMillis} is the ingress receive time (0 when unknown), {@code subAppId} the VOD
     * sub-application the ingress received it for (null when not said).
     */
    record Parsed(CallbackRecord record, VodEvent event, String dedupeId, long receivedAtMillis, Long subAppId)
            implements DecodedRecord { }

    /** A record no retry can fix (not JSON, no event type, no body); bound for the DLT. */
    record Rejected(CallbackRecord record, String errorClass, String errorMessage) implements DecodedRecord { }
}
