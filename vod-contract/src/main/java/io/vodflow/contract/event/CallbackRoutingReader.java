package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Reads {@link CallbackRouting} from a raw body. The dedupe id is a SHA-256 over the event with
 * {@code EventHandle}, {@code Sign} and {@code T} removed, so a redelivery hashes the same.
 * One tree parse per body, no event mapping; stateless and thread-safe.
 */
public final class CallbackRoutingReader {

    /** Throws {@link VodEventParseException} for non-JSON, non-object or type-less bodies. */
    public CallbackRouting read(byte[] body) {
        ObjectNode root = VodJson.readObject(body);
        EventEnvelope env = EventEnvelope.of(root);
        EventKeys keys = EventKeys.of(env);
        return new CallbackRouting(env.format(), env.eventType(), keys.fileId(), keys.taskId(),
                topLevel(root, "Sign"), topLevel(root, "T"), CanonicalJsonDigest.of(root));
    }

    /**
     * The dedupe id of a body {@link #read} refuses: SHA-256 of its bytes, so identical redeliveries (a pulled event
     * comes back byte for byte) share it; never equal to a routed event's id, which hashes a canonical form.
     */
    public static String unroutedDedupeId(byte[] body) {
        return CanonicalJsonDigest.ofBytes(body);
    }

    /**
     * A top-level scalar by name, exact case first, then any letter case ({@code sign}, {@code SIGN}, {@code t}):
     * where and how VOD spells these is UNCONFIRMED (contract 4.5). Numbers are given as their decimal text.
     */
    private static String topLevel(ObjectNode root, String name) {
        JsonNode exact = root.get(name);
        if (exact != null && exact.isValueNode() && !exact.isNull()) {
            return exact.asText();
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode v = field.getValue();
            if (field.getKey().equalsIgnoreCase(name) && v.isValueNode() && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }
}
