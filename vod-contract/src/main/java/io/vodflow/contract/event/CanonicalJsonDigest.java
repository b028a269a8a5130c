package io.vodflow.contract.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SHA-256 over a canonical form of an event: compact JSON with object keys sorted (by UTF-16 code unit,
 * recursively), members whose value is null left out at every level, and the delivery-specific top-level keys
 * {@code EventHandle}, {@code Sign} and {@code T} (any letter case) left out, so a PULL redelivery or a re-signed
 * PUSH retry of the same event hashes the same. Nulls go because PullEvents answers carry members set to null
 * ({@code "FileDeleteEvent": null}, {@code "WatermarkSet": null} …) that push bodies leave out.
 */
final class CanonicalJsonDigest {

    private static final Set<String> DELIVERY_KEYS = Set.of("eventhandle", "sign", "t");

    private CanonicalJsonDigest() { }

    /** Lower-case hex SHA-256. */
    static String of(ObjectNode root) {
        MessageDigest sha256 = sha256();
        try (JsonGenerator gen = VodJson.MAPPER.getFactory()
                .createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
            writeObject(gen, root, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Lower-case hex SHA-256 of bytes as they are, for a body that has no canonical form (it does not parse). */
    static String ofBytes(byte[] body) {
        return HexFormat.of().formatHex(sha256().digest(body));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    static boolean isDeliveryKey(String name) {
        return DELIVERY_KEYS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static void write(JsonGenerator gen, JsonNode node) throws IOException {
        if (node.isObject()) {
            writeObject(gen, node, false);
        } else if (node.isArray()) {
            gen.writeStartArray();
            for (JsonNode element : node) {
                write(gen, element);
            }
            gen.writeEndArray();
        } else {
            writeScalar(gen, node);
        }
    }

    /** The same bytes {@code writeTree} produces for a scalar, without a serializer lookup per value. */
    private static void writeScalar(JsonGenerator gen, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case STRING -> gen.writeString(node.textValue());
            case BOOLEAN -> gen.writeBoolean(node.booleanValue());
            case NULL -> gen.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> gen.writeNumber(node.intValue());
                    case LONG -> gen.writeNumber(node.longValue());
                    case BIG_INTEGER -> gen.writeNumber(node.bigIntegerValue());
                    case FLOAT -> gen.writeNumber(node.floatValue());
                    case DOUBLE -> gen.writeNumber(node.doubleValue());
                    default -> gen.writeNumber(node.decimalValue());
                }
            }
            default -> gen.writeTree(node);
        }
    }

    private static void writeObject(JsonGenerator gen, JsonNode node, boolean topLevel) throws IOException {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        fields.sort(Map.Entry.comparingByKey());
        gen.writeStartObject();
        for (Map.Entry<String, JsonNode> field : fields) {
            if (field.getValue().isNull() || topLevel && isDeliveryKey(field.getKey())) {
                continue;
            }
            gen.writeFieldName(field.getKey());
            write(gen, field.getValue());
        }
        gen.writeEndObject();
    }
}
