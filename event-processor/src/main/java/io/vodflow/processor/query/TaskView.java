package io.vodflow.processor.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;
import java.util.List;

/** GET /v1/tasks/{taskId}: the task flow and each subtask's result and error. */
public record TaskView(String taskId, String fileId, String status, int progress, Integer errCode, String message,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime finishedAt,
                       List<SubtaskView> subtasks) {

    /** One subtask (Transcode, CoverBySnapshot, snapshots, sprites, AI review, ...). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubtaskView(String type, int definition, String status, int progress, Integer errCode, String errCodeExt,
                              String message, String url, Integer width, Integer height, Long bitrate, Long size,
                              Double duration, String container, String coverUrl, @JsonRawValue String imageUrls,
                              String webVttUrl, String suggestion, Double confidence,
                              OffsetDateTime beginProcessTime, OffsetDateTime finishTime) { }

    TaskView withSubtasks(List<SubtaskView> list) {
        return new TaskView(taskId, fileId, status, progress, errCode, message, createdAt, updatedAt, finishedAt, list);
    }
}
