package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.vodflow.contract.event.LenientFields.integer;
import static io.vodflow.contract.event.LenientFields.object;
import static io.vodflow.contract.event.LenientFields.objects;
import static io.vodflow.contract.event.LenientFields.text;
import static io.vodflow.contract.event.LenientFields.texts;

/**
 * Maps legacy v2 {@code data} (contract 3.6) onto the same records as v3. v2 NewFileUpload fills only the
 * basic-info fields it has (file name, cover and file URL, source type and context).
 */
final class V2EventMapper {

    private V2EventMapper() { }

    static NewFileUpload newFileUpload(JsonNode d) {
        MediaBasicInfo info = d == null ? null : new MediaBasicInfo(text(d, "fileName"), null, null, null, null,
                null, null, null, text(d, "coverUrl"), null, text(d, "fileUrl"), null, null, List.of(), null, null,
                null, null, text(d, "sourceType"), text(d, "sourceContext"));
        return new NewFileUpload(WireFormat.V2, text(d, "fileId"), text(d, "procedureTaskId"),
                text(d, "reviewAudioVideoTaskId"), info, MetaDataMapper.map(object(d, "metaData"), WireFormat.V2));
    }

    /** TaskId is {@code vodTaskId} as in the samples, else {@code procedureTaskId}, else {@code taskId}. */
    static ProcedureStateChanged procedureStateChanged(JsonNode d) {
        return new ProcedureStateChanged(WireFormat.V2,
                firstPresent(text(d, "vodTaskId"), text(d, "procedureTaskId"), text(d, "taskId")),
                TaskStatus.parse(text(d, "status")), integer(d, "errCode"), text(d, "message"), text(d, "fileId"),
                text(d, "fileName"), text(d, "fileUrl"), MetaDataMapper.map(object(d, "metaData"), WireFormat.V2),
                objects(d, "processTaskList").stream().map(V2TaskMapper::processTask).toList(),
                objects(d, "contentReviewList").stream().map(V2TaskMapper::contentReview).toList(),
                integer(d, "tasksPriority"), text(d, "tasksNotifyMode"), text(d, "sessionContext"),
                text(d, "sessionId"), text(d, "operator"), text(d, "operationType"));
    }

    /**
     * The documented {@code data.fileInfo[].fileId} (contract 3.6's source, intl 266/33962), and the shapes seen in
     * other samples: {@code fileId} (a string or an array), {@code fileIds}, {@code fileIdSet}. A non-zero
     * {@code data.status} is a deletion that failed: nothing was deleted.
     */
    static FileDeleted fileDeleted(JsonNode d) {
        Integer status = integer(d, "status");
        if (status != null && status != 0) {
            return new FileDeleted(WireFormat.V2, List.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        objects(d, "fileInfo").forEach(info -> ids.addAll(texts(info, "fileId")));
        for (String name : new String[] {"fileId", "fileIds", "fileIdSet"}) {
            ids.addAll(texts(d, name));
        }
        ids.remove("");
        return new FileDeleted(WireFormat.V2, List.copyOf(ids));
    }

    private static String firstPresent(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isEmpty()) {
                return c;
            }
        }
        return null;
    }
}
