package io.vodflow.contract.event;

import java.util.List;

/** {@code ProcedureStateChanged}: status of a task-flow task and its subtasks (v3 ProcedureTask / v2 data). */
public record ProcedureStateChanged(
        WireFormat format,
        String taskId,
        TaskStatus status,
        Integer errCode,
        String message,
        String fileId,
        String fileName,
        String fileUrl,
        MediaMetaData metaData,
        List<MediaProcessResult> mediaProcessResults,
        List<AiReviewResult> aiContentReviewResults,
        Integer tasksPriority,
        String tasksNotifyMode,
        String sessionContext,
        String sessionId,
        String operator,
        String operationType) implements VodEvent {

    public static final String TYPE = "ProcedureStateChanged";

    @Override public String eventType() { return TYPE; }

    @Override public String routingKey() { return fileId != null && !fileId.isEmpty() ? fileId : taskId; }
}
