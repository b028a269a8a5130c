package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.contract.text.StorableText;

import java.util.Map;

/**
 * The outer shape every VOD event shares: wire format, event type and the object carrying the event's fields
 * (v3: the {@code <Type>Event} member of {@code EventContent}; v2: {@code data}). {@code member} may be null.
 */
record EventEnvelope(WireFormat format, String eventType, ObjectNode root, JsonNode member) {

    static final String V3_TYPE = "EventType";
    static final String V2_TYPE = "eventType";
    static final int MAX_EVENT_TYPE_LENGTH = 128;

    /** v3 members not named {@code <EventType>Event} (contract 3.7). */
    private static final Map<String, String> V3_MEMBERS = Map.of(
            "NewFileUpload", "FileUploadEvent",
            "ProcedureStateChanged", "ProcedureStateChangeEvent",
            "FileDeleted", "FileDeleteEvent",
            "RemoveWatermark", "RemoveWatermarkCompleteEvent",
            "CreateSnapshotByTimeOffsetComplete", "SnapshotByTimeOffsetCompleteEvent",
            "AigcImageTaskComplete", "AigcImageCompleteEvent",
            "AigcVideoTaskComplete", "AigcVideoCompleteEvent");

    /** Reads the envelope; throws {@link VodEventParseException} when the body carries no usable event type. */
    static EventEnvelope of(ObjectNode root) {
        if (root.has(V3_TYPE)) {
            String type = eventType(root, V3_TYPE);
            return new EventEnvelope(WireFormat.V3, type, root, v3Member(root, type));
        }
        if (root.has(V2_TYPE)) {
            return new EventEnvelope(WireFormat.V2, eventType(root, V2_TYPE), root, LenientFields.object(root, "data"));
        }
        throw new VodEventParseException("callback body has neither EventType (v3) nor eventType (v2)");
    }

    private static String eventType(ObjectNode root, String key) {
        JsonNode type = root.get(key);
        if (type == null || !type.isTextual()) {
            throw new VodEventParseException(key + " is not a string");
        }
        String value = type.textValue();
        if (value.isBlank()) {
            throw new VodEventParseException(key + " is empty");
        }
        if (value.length() > MAX_EVENT_TYPE_LENGTH) {
            throw new VodEventParseException(key + " is longer than " + MAX_EVENT_TYPE_LENGTH + " characters");
        }
        if (!StorableText.plain(value)) {
            throw new VodEventParseException(key + " holds control characters or is not well-formed Unicode");
        }
        return value;
    }

    /** The documented member, else {@code <Type>Event}, else {@code <Type>}, else the first object named *Event. */
    private static JsonNode v3Member(ObjectNode root, String type) {
        for (String name : new String[] {V3_MEMBERS.get(type), type + "Event", type}) {
            JsonNode member = name == null ? null : LenientFields.object(root, name);
            if (member != null) {
                return member;
            }
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().endsWith("Event") && field.getValue().isObject()) {
                return field.getValue();
            }
        }
        return null;
    }
}
