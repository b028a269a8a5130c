package io.vodflow.contract.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Locale;

/**
 * Reads a callback body into a Jackson tree with limits against hostile input, and turns every failure into a
 * {@link VodEventParseException} whose message quotes at most {@value #MAX_QUOTED} characters of the input.
 */
final class VodJson {

    /** Deepest nesting accepted; real events nest fewer than ten levels. */
    static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value accepted; the longest documented VOD string (SessionContext) is 1000 characters. */
    static final int MAX_STRING_LENGTH = 256 * 1024;
    static final int MAX_QUOTED = 100;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Exact decimals: the canonical form behind the dedupe id must not round numbers.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private VodJson() { }

    /** The body as a JSON object; throws {@link VodEventParseException} for anything else. */
    static ObjectNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new VodEventParseException("callback body is empty");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new VodEventParseException("callback body exceeds parser limits: " + quote(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new VodEventParseException("callback body is not valid JSON" + at(e.getLocation()) + ": "
                    + quote(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            throw new VodEventParseException("callback body is not readable JSON: " + quote(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new VodEventParseException("callback body is empty");
        }
        if (!tree.isObject()) {
            throw new VodEventParseException("callback body is a JSON "
                    + tree.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        return (ObjectNode) tree;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** At most {@value #MAX_QUOTED} characters, control characters replaced, so logs stay short and one line. */
    static String quote(String text) {
        if (text == null) {
            return "(no detail)";
        }
        String cut = text.length() <= MAX_QUOTED ? text
                : text.substring(0, Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED) + "…";
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
