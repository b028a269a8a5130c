package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.vodflow.contract.event.LenientFields.integer;
import static io.vodflow.contract.event.LenientFields.list;
import static io.vodflow.contract.event.LenientFields.object;
import static io.vodflow.contract.event.LenientFields.objects;
import static io.vodflow.contract.event.LenientFields.text;
import static io.vodflow.contract.event.LenientFields.texts;

/** Maps the v3 members {@code FileUploadEvent}, {@code ProcedureStateChangeEvent} and {@code FileDeleteEvent}. */
final class V3EventMapper {

    private V3EventMapper() { }

    static NewFileUpload newFileUpload(JsonNode e) {
        return new NewFileUpload(WireFormat.V3, text(e, "FileId"), text(e, "ProcedureTaskId"),
                text(e, "ReviewAudioVideoTaskId"), basicInfo(object(e, "MediaBasicInfo")),
                MetaDataMapper.map(object(e, "MetaData"), WireFormat.V3));
    }

    static ProcedureStateChanged procedureStateChanged(JsonNode e) {
        return new ProcedureStateChanged(WireFormat.V3, text(e, "TaskId"), TaskStatus.parse(text(e, "Status")),
                integer(e, "ErrCode"), text(e, "Message"), text(e, "FileId"), text(e, "FileName"),
                text(e, "FileUrl"), MetaDataMapper.map(object(e, "MetaData"), WireFormat.V3),
                objects(e, "MediaProcessResultSet").stream().map(V3ResultMapper::mediaProcess).toList(),
                objects(e, "AiContentReviewResultSet").stream().map(V3ResultMapper::aiReview).toList(),
                integer(e, "TasksPriority"), text(e, "TasksNotifyMode"), text(e, "SessionContext"),
                text(e, "SessionId"), text(e, "Operator"), text(e, "OperationType"));
    }

    /**
     * The ids of {@code FileIdSet} and {@code FileDeleteResultInfo}, with each file's typed {@code DeleteParts}
     * (none: the whole media went; an item without a Type is skipped, a missing Definition is 0).
     */
    static FileDeleted fileDeleted(JsonNode e) {
        Set<String> ids = new LinkedHashSet<>(texts(e, "FileIdSet"));
        Map<String, List<DeletedPart>> parts = new LinkedHashMap<>();
        for (JsonNode info : objects(e, "FileDeleteResultInfo")) {
            String fileId = text(info, "FileId");
            if (fileId == null || fileId.isEmpty()) {
                continue;
            }
            ids.add(fileId);
            List<DeletedPart> items = list(info, "DeleteParts", V3EventMapper::deletedPart);
            if (!items.isEmpty()) {
                parts.merge(fileId, items, (a, b) -> Stream.concat(a.stream(), b.stream()).distinct().toList());
            }
        }
        return new FileDeleted(WireFormat.V3, List.copyOf(ids), parts);
    }

    private static DeletedPart deletedPart(JsonNode item) {
        String type = text(item, "Type");
        if (type == null || type.isBlank()) {
            return null;
        }
        Integer definition = integer(item, "Definition");
        return new DeletedPart(type, definition == null ? 0 : definition);
    }

    private static MediaBasicInfo basicInfo(JsonNode b) {
        if (b == null) {
            return null;
        }
        JsonNode source = object(b, "SourceInfo");
        return new MediaBasicInfo(text(b, "Name"), text(b, "Description"), text(b, "CreateTime"),
                text(b, "UpdateTime"), text(b, "ExpireTime"), integer(b, "ClassId"), text(b, "ClassName"),
                text(b, "ClassPath"), text(b, "CoverUrl"), text(b, "Type"), text(b, "MediaUrl"),
                text(b, "StorageRegion"), text(b, "StoragePath"), texts(b, "TagSet"), text(b, "Vid"),
                text(b, "Category"), text(b, "Status"), text(b, "StorageClass"), text(source, "SourceType"),
                text(source, "SourceContext"));
    }
}
