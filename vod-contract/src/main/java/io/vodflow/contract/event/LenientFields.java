package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Lenient reads of optional event fields: absent, null or wrongly typed values become null instead of failing the
 * event, because VOD adds and changes fields over time and one odd field must not lose a whole callback.
 */
final class LenientFields {

    /** Numbers sent as text: plain decimal only, so no exponent can make later arithmetic expensive. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

    private LenientFields() { }

    /** Text of a string field; numbers and booleans are given as their JSON text, containers as null. */
    static String text(JsonNode parent, String name) {
        JsonNode v = field(parent, name);
        return v != null && v.isValueNode() ? v.asText() : null;
    }

    static Integer integer(JsonNode parent, String name) {
        BigDecimal v = exactNumber(field(parent, name));
        try {
            return v == null ? null : v.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static Long longValue(JsonNode parent, String name) {
        BigDecimal v = exactNumber(field(parent, name));
        try {
            return v == null ? null : v.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static Double decimal(JsonNode parent, String name) {
        JsonNode v = field(parent, name);
        if (v != null && v.isNumber()) {
            return v.doubleValue();
        }
        BigDecimal parsed = exactNumber(v);
        return parsed == null ? null : parsed.doubleValue();
    }

    /** The child object, or null when absent or not an object. */
    static JsonNode object(JsonNode parent, String name) {
        JsonNode v = field(parent, name);
        return v != null && v.isObject() ? v : null;
    }

    /** The non-null object members of an array field; empty when absent or not an array. */
    static List<JsonNode> objects(JsonNode parent, String name) {
        return list(parent, name, v -> v.isObject() ? v : null);
    }

    /** The string (or number) members of an array field; a single scalar is taken as a one-element list. */
    static List<String> texts(JsonNode parent, String name) {
        JsonNode v = field(parent, name);
        if (v != null && (v.isTextual() || v.isNumber())) {
            return List.of(v.asText());
        }
        return list(parent, name, e -> e.isTextual() || e.isNumber() ? e.asText() : null);
    }

    static <T> List<T> list(JsonNode parent, String name, Function<JsonNode, T> mapper) {
        JsonNode v = field(parent, name);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            T mapped = e == null ? null : mapper.apply(e);
            if (mapped != null) {
                out.add(mapped);
            }
        }
        return List.copyOf(out);
    }

    /** Non-null JSON value of a field, or null. */
    static JsonNode field(JsonNode parent, String name) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode v = parent.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** A number, or a string holding a plain decimal number; anything else null. */
    private static BigDecimal exactNumber(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.isFloatingPointNumber() && !v.isBigDecimal() ? BigDecimal.valueOf(v.doubleValue()) : v.decimalValue();
        }
        return v.isTextual() && PLAIN_DECIMAL.matcher(v.textValue()).matches() ? new BigDecimal(v.textValue()) : null;
    }
}
