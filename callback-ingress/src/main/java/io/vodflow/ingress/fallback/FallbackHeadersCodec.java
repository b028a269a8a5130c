package io.vodflow.ingress.fallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.event.WireFormat;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.ingress.publish.CallbackRecord;
import io.vodflow.ingress.publish.CallbackSource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Stores a record's headers as a JSON object keyed by the Kafka header names, and reads them back. */
final class FallbackHeadersCodec {
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private final ObjectMapper json;

    FallbackHeadersCodec(ObjectMapper json) {
        this.json = json;
    }

    String encode(CallbackRecord r) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(CallbackHeaders.FORMAT, r.format().headerValue());
        h.put(CallbackHeaders.EVENT_TYPE, r.eventType());
        h.put(CallbackHeaders.RECEIVED_AT, Long.toString(r.receivedAtMillis()));
        h.put(CallbackHeaders.SOURCE, r.source().headerValue());
        if (r.subAppId() != null) {
            h.put(CallbackHeaders.SUB_APP, r.subAppId());
        }
        h.put(CallbackHeaders.DEDUPE_ID, r.dedupeId());
        try {
            return json.writeValueAsString(h);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode callback headers", e);
        }
    }

    CallbackRecord decode(String key, byte[] value, String headersJson) {
        Map<String, String> h;
        try {
            h = json.readValue(headersJson, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored callback headers are not a JSON object", e);
        }
        return new CallbackRecord(key, value,
                WireFormat.valueOf(h.get(CallbackHeaders.FORMAT).toUpperCase(Locale.ROOT)),
                h.get(CallbackHeaders.EVENT_TYPE),
                Long.parseLong(h.get(CallbackHeaders.RECEIVED_AT)),
                CallbackSource.fromHeader(h.get(CallbackHeaders.SOURCE)),
                h.get(CallbackHeaders.SUB_APP),
                h.get(CallbackHeaders.DEDUPE_ID));
    }
}
