package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

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

    /** {@code FileIdSet}, else the ids in {@code FileDeleteResultInfo}. */
    static FileDeleted fileDeleted(JsonNode e) {
        List<String> ids = texts(e, "FileIdSet");
        if (ids.isEmpty()) {
            ids = list(e, "FileDeleteResultInfo", info -> text(info, "FileId"));
        }
        return new FileDeleted(WireFormat.V3, ids);
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
