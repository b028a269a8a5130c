package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

/**
 * {@code DescribeTaskDetail} for task-flow tasks of the requested {@code SubAppId} (absent = primary):
 * {@code TaskType "Procedure"}, the task's {@code Status} and its {@code ProcedureTask} (the same structure as the
 * callback's ProcedureStateChangeEvent).
 */
final class DescribeTaskDetailAction implements ApiAction {

    private final TaskDetailStore tasks;

    DescribeTaskDetailAction(TaskDetailStore tasks) {
        this.tasks = tasks;
    }

    @Override
    public Mono<ObjectNode> handle(JsonNode params) {
        return Mono.fromSupplier(() -> {
            JsonNode taskIdNode = params.get("TaskId");
            if (taskIdNode == null || !taskIdNode.isTextual() || taskIdNode.asText().isEmpty()) {
                throw new VodApiError(VodApiError.MISSING_PARAMETER, "The request is missing TaskId.");
            }
            String taskId = taskIdNode.asText();
            // a task of another sub-application is as unknown as a missing one
            TaskDetailStore.Detail detail = tasks.describe(SubAppIdParam.of(params), taskId).orElseThrow(() ->
                    new VodApiError(VodApiError.INVALID_TASK_ID, "TaskId " + taskId + " does not exist."));
            ObjectNode response = JsonNodeFactory.instance.objectNode()
                    .put("TaskType", "Procedure")
                    .put("Status", detail.status());
            response.set("ProcedureTask", detail.procedureTask());
            return response;
        });
    }
}
