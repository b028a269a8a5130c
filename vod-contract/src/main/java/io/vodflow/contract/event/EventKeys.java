package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.contract.text.StorableText;

import java.util.List;

/**
 * Where each event carries its FileId and TaskId. v3: {@code FileId} (else {@code FileIdSet[0]}, else
 * {@code FileDeleteResultInfo[0].FileId}) and {@code TaskId} of the event member, else of the top level. v2:
 * {@code data.fileId} (else {@code fileIds[0]}, else FileDeleted's {@code fileInfo[0].fileId}) and
 * {@code data.vodTaskId}, else {@code procedureTaskId}, else {@code taskId}. An upload names the task flow it
 * started, not a task of its own, so NewFileUpload has no TaskId in either format. Empty strings count as absent;
 * a key that is not a short plain id makes the event unreadable.
 */
record EventKeys(String fileId, String taskId) {

    /** Longest FileId or TaskId taken (VOD's are tens of characters; a key must also fit a Postgres index row). */
    static final int MAX_KEY_LENGTH = 256;

    static EventKeys of(EventEnvelope env) {
        EventKeys keys = env.format() == WireFormat.V3 ? v3(env) : v2(env);
        return new EventKeys(checked("FileId", keys.fileId()), checked("TaskId", keys.taskId()));
    }

    /** A key becomes a Kafka record key and a primary key: it has to be short, plain text. */
    private static String checked(String name, String key) {
        if (key != null && (key.length() > MAX_KEY_LENGTH || !StorableText.plain(key))) {
            throw new VodEventParseException(name + " is not an id: over " + MAX_KEY_LENGTH
                    + " characters, control characters or malformed Unicode");
        }
        return key;
    }

    private static EventKeys v3(EventEnvelope env) {
        JsonNode m = env.member();
        String fileId = first(LenientFields.text(m, "FileId"), firstOf(LenientFields.texts(m, "FileIdSet")),
                firstIn(m, "FileDeleteResultInfo", "FileId"), LenientFields.text(env.root(), "FileId"));
        String taskId = first(LenientFields.text(m, "TaskId"), LenientFields.text(env.root(), "TaskId"));
        return new EventKeys(fileId, taskId);
    }

    private static EventKeys v2(EventEnvelope env) {
        JsonNode d = env.member();
        String fileId = first(firstOf(LenientFields.texts(d, "fileId")), firstOf(LenientFields.texts(d, "fileIds")),
                firstOf(LenientFields.texts(d, "fileIdSet")), firstIn(d, "fileInfo", "fileId"));
        String procedureTaskId = NewFileUpload.TYPE.equals(env.eventType()) ? null
                : LenientFields.text(d, "procedureTaskId");
        String taskId = first(LenientFields.text(d, "vodTaskId"), procedureTaskId, LenientFields.text(d, "taskId"));
        return new EventKeys(fileId, taskId);
    }

    /** {@code name} of the first object of the array {@code list} that has one. */
    private static String firstIn(JsonNode parent, String list, String name) {
        return first(LenientFields.objects(parent, list).stream().map(o -> LenientFields.text(o, name)).toArray(String[]::new));
    }

    private static String firstOf(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isEmpty()) {
                return c;
            }
        }
        return null;
    }
}
