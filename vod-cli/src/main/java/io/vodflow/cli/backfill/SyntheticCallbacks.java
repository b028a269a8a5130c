package io.vodflow.cli.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the v3 callbacks that would have told vodflow about a media file, from its DescribeMediaInfos entry:
 * <ul>
 *   <li>{@code NewFileUpload}: FileId, MediaBasicInfo = BasicInfo as VOD returns it (SourceInfo.SourceContext
 *       included, so the processor attributes the upload to its signature and user), MetaData;</li>
 *   <li>when TranscodeInfo lists renditions (Definition other than 0), a {@code ProcedureStateChanged FINISH} with one
 *       successful Transcode subtask per rendition (Output = the MediaTranscodeItem) and, when BasicInfo has a
 *       CoverUrl, a CoverBySnapshot subtask carrying it, so the processor ends with VOD's current cover.</li>
 * </ul>
 * DescribeMediaInfos does not say which task produced the renditions, so the TaskId is the one the processor's media
 * row follows when the caller knows it (so the FINISH completes that very task), else synthetic:
 * {@value #TASK_ID_PREFIX}{@code <FileId>}; either is also sent as the NewFileUpload's ProcedureTaskId; Operator is
 * {@value #OPERATOR}. Bodies hold no time of their own, so the same media gives the same bytes (and the same
 * dedupe id) on every run; Sign and T are added at posting.
 */
final class SyntheticCallbacks {

    /** Prefix of the synthetic TaskId. */
    static final String TASK_ID_PREFIX = "vodflow-backfill-";
    /** The Operator of synthetic ProcedureStateChanged events. */
    static final String OPERATOR = "vodflow-backfill";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SyntheticCallbacks() {
    }

    /** The callback bodies (without Sign/T) for one MediaInfo, in VOD's order, with a synthetic TaskId. */
    static List<ObjectNode> of(JsonNode mediaInfo) {
        return of(mediaInfo, null);
    }

    /** As {@link #of(JsonNode)}, but with the media's real TaskId when {@code knownTaskId} is not null. */
    static List<ObjectNode> of(JsonNode mediaInfo, String knownTaskId) {
        String fileId = mediaInfo.path("FileId").asText();
        List<JsonNode> renditions = new ArrayList<>();
        mediaInfo.path("TranscodeInfo").path("TranscodeSet").forEach(item -> {
            if (item.path("Definition").asInt(0) != 0) {
                renditions.add(item);
            }
        });
        String taskId = knownTaskId != null ? knownTaskId : renditions.isEmpty() ? "" : TASK_ID_PREFIX + fileId;
        List<ObjectNode> bodies = new ArrayList<>();
        bodies.add(newFileUpload(mediaInfo, fileId, taskId));
        if (!renditions.isEmpty()) {
            bodies.add(procedureFinished(mediaInfo, fileId, taskId, renditions));
        }
        return bodies;
    }

    private static ObjectNode newFileUpload(JsonNode info, String fileId, String taskId) {
        ObjectNode event = JSON.objectNode().put("FileId", fileId);
        event.set("MediaBasicInfo", copy(info.path("BasicInfo")));
        event.set("MetaData", copy(info.path("MetaData")));
        event.put("ProcedureTaskId", taskId).put("ReviewAudioVideoTaskId", "");
        ObjectNode body = JSON.objectNode().put("EventType", "NewFileUpload");
        body.set("FileUploadEvent", event);
        return body;
    }

    private static ObjectNode procedureFinished(JsonNode info, String fileId, String taskId, List<JsonNode> renditions) {
        JsonNode basic = info.path("BasicInfo");
        ObjectNode task = JSON.objectNode().put("TaskId", taskId).put("Status", "FINISH").put("ErrCode", 0)
                .put("Message", "").put("FileId", fileId).put("FileName", basic.path("Name").asText(""))
                .put("FileUrl", basic.path("MediaUrl").asText(""));
        task.set("MetaData", copy(info.path("MetaData")));
        ArrayNode results = task.putArray("MediaProcessResultSet");
        for (JsonNode rendition : renditions) {
            ObjectNode sub = success(JSON.objectNode());
            sub.putObject("Input").put("Definition", rendition.path("Definition").asInt());
            sub.set("Output", rendition.deepCopy());
            sub.put("Progress", 100);
            results.addObject().put("Type", "Transcode").set("TranscodeTask", sub);
        }
        String cover = basic.path("CoverUrl").asText("");
        if (!cover.isEmpty()) {
            ObjectNode sub = success(JSON.objectNode());
            sub.putObject("Output").put("CoverUrl", cover);
            sub.put("Progress", 100);
            results.addObject().put("Type", "CoverBySnapshot").set("CoverBySnapshotTask", sub);
        }
        task.putArray("AiContentReviewResultSet");
        task.putArray("AiAnalysisResultSet");
        task.putArray("AiRecognitionResultSet");
        task.put("TasksPriority", 0).put("TasksNotifyMode", "Finish").put("SessionContext", "").put("SessionId", "")
                .put("Operator", OPERATOR).put("OperationType", "");
        ObjectNode body = JSON.objectNode().put("EventType", "ProcedureStateChanged");
        body.set("ProcedureStateChangeEvent", task);
        return body;
    }

    private static ObjectNode success(ObjectNode sub) {
        return sub.put("Status", "SUCCESS").put("ErrCodeExt", "").put("ErrCode", 0).put("Message", "SUCCESS");
    }

    private static JsonNode copy(JsonNode node) {
        return node.isMissingNode() ? JSON.nullNode() : node.deepCopy();
    }
}
