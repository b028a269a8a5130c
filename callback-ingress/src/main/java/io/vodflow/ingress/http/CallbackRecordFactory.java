package io.vodflow.ingress.http;

import io.vodflow.contract.event.CallbackRouting;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.event.VodEventParseException;
import io.vodflow.ingress.publish.CallbackRecord;
import io.vodflow.ingress.publish.CallbackSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads only the routing facts of a raw body and wraps body and facts into a {@link CallbackRecord}. */
public final class CallbackRecordFactory {
    private static final Logger log = LoggerFactory.getLogger(CallbackRecordFactory.class);
    private final CallbackRoutingReader reader;

    public CallbackRecordFactory(CallbackRoutingReader reader) {
        this.reader = reader;
    }

    /** Routing facts of a body; throws {@link CallbackRejection} (400) when it is not a VOD event. */
    public CallbackRouting route(byte[] body) {
        try {
            return reader.read(body);
        } catch (VodEventParseException e) {
            throw CallbackRejection.malformed(e.getMessage());
        } catch (RuntimeException e) {
            // hostile input must never become a 5xx, even if the reader trips over it in an unforeseen way
            log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("callback body could not be routed");
            throw CallbackRejection.malformed("The body is not a VOD event notification (a JSON object with an event type)");
        }
    }

    /** The record for Kafka: body untouched, key FileId else TaskId. */
    public static CallbackRecord record(CallbackRouting routing, byte[] body, long receivedAtMillis,
                                        CallbackSource source, String subAppId) {
        return new CallbackRecord(routing.routingKey(), body, routing.format(), routing.eventType(), receivedAtMillis,
                source, subAppId, routing.dedupeId());
    }
}
