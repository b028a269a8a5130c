package io.vodflow.processor.ingest;

import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.event.VodEvent;
import io.vodflow.contract.event.VodEventParser;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.processor.kafka.CallbackRecord;

/** Parses vod.callbacks records into events and picks their dedupe id (the ingress header, else recomputed). */
public class CallbackRecordDecoder {
    private final VodEventParser parser = new VodEventParser();
    private final CallbackRoutingReader routing = new CallbackRoutingReader();

    /** Never throws: a record that cannot be parsed becomes {@link DecodedRecord.Rejected}. */
    public DecodedRecord decode(CallbackRecord record) {
        if (record.value() == null || record.value().length == 0) {
            return new DecodedRecord.Rejected(record, "EmptyRecord", "the record has no body");
        }
        try {
            VodEvent event = parser.parse(record.value());
            String dedupe = record.header(CallbackHeaders.DEDUPE_ID);
            if (dedupe == null || dedupe.isBlank()) {
                // records written by other producers than the ingress: hash the body the same way the ingress does
                dedupe = routing.read(record.value()).dedupeId();
            }
            return new DecodedRecord.Parsed(record, event, dedupe, receivedAt(record), subAppId(record));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            return new DecodedRecord.Rejected(record, e.getClass().getName(),
                    message.length() > 500 ? message.substring(0, 500) : message);
        }
    }

    private static Long subAppId(CallbackRecord record) {
        String value = record.header(CallbackHeaders.SUB_APP);
        try {
            // a positive id only: 0 and absence both mean the primary application, whose tasks need no SubAppId
            long id = value == null ? 0 : Long.parseLong(value.trim());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long receivedAt(CallbackRecord record) {
        String value = record.header(CallbackHeaders.RECEIVED_AT);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
