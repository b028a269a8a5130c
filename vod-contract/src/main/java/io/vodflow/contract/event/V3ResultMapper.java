package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

import static io.vodflow.contract.event.LenientFields.decimal;
import static io.vodflow.contract.event.LenientFields.integer;
import static io.vodflow.contract.event.LenientFields.object;
import static io.vodflow.contract.event.LenientFields.text;

/**
 * Maps v3 {@code MediaProcessResultSet} and {@code AiContentReviewResultSet} members. Each member has a {@code Type}
 * and one {@code *Task} object (names as in tencentcloud-sdk-java {@code MediaProcessTaskResult} /
 * {@code AiContentReviewResult}); for types not listed, the first {@code *Task} object member is taken.
 */
final class V3ResultMapper {

    private static final Map<String, String> TASK_MEMBERS = Map.of(
            "Transcode", "TranscodeTask",
            "AnimatedGraphics", "AnimatedGraphicTask",
            "AnimatedGraphic", "AnimatedGraphicTask",
            "SnapshotByTimeOffset", "SnapshotByTimeOffsetTask",
            "SampleSnapshot", "SampleSnapshotTask",
            "ImageSprites", "ImageSpriteTask",
            "ImageSprite", "ImageSpriteTask",
            "CoverBySnapshot", "CoverBySnapshotTask",
            "AdaptiveDynamicStreaming", "AdaptiveDynamicStreamingTask");

    private V3ResultMapper() { }

    static MediaProcessResult mediaProcess(JsonNode element) {
        String type = text(element, "Type");
        JsonNode task = task(element, type == null ? null : TASK_MEMBERS.get(type));
        JsonNode input = object(task, "Input");
        return new MediaProcessResult(type, TaskStatus.parse(text(task, "Status")), text(task, "ErrCodeExt"),
                integer(task, "ErrCode"), text(task, "Message"), integer(task, "Progress"),
                integer(input, "Definition"), text(task, "BeginProcessTime"), text(task, "FinishTime"),
                ProcessOutputMapper.map(type, object(task, "Output"), input, WireFormat.V3));
    }

    static AiReviewResult aiReview(JsonNode element) {
        JsonNode task = task(element, null);
        JsonNode output = object(task, "Output");
        return new AiReviewResult(text(element, "Type"), TaskStatus.parse(text(task, "Status")),
                text(task, "ErrCodeExt"), text(task, "Message"), text(output, "Suggestion"),
                decimal(output, "Confidence"));
    }

    private static JsonNode task(JsonNode element, String member) {
        JsonNode task = member == null ? null : object(element, member);
        if (task != null) {
            return task;
        }
        for (Map.Entry<String, JsonNode> field : element.properties()) {
            if (field.getKey().endsWith("Task") && field.getValue().isObject()) {
                return field.getValue();
            }
        }
        return null;
    }
}
