package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task-flow tasks the emulated VOD knows, by TaskId, for DescribeTaskDetail: the latest ProcedureTask seen
 * in a v3 ProcedureStateChanged body. FINISH is terminal: a later PROCESSING never replaces it.
 */
public final class TaskDetailStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, ObjectNode> byTaskId = new ConcurrentHashMap<>();

    /** Records the task of a v3 ProcedureStateChanged body; other bodies (and v2 ones) are ignored. */
    public void record(byte[] v3Body) {
        JsonNode body;
        try {
            body = MAPPER.readTree(v3Body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON callback body", e);
        }
        record(body);
    }

    void record(JsonNode v3Body) {
        JsonNode task = v3Body.path("ProcedureStateChangeEvent");
        String taskId = task.path("TaskId").asText("");
        if (!"ProcedureStateChanged".equals(v3Body.path("EventType").asText()) || !task.isObject() || taskId.isEmpty()) {
            return;
        }
        byTaskId.merge(taskId, (ObjectNode) task.deepCopy(),
                (known, incoming) -> isFinished(known) && !isFinished(incoming) ? known : incoming);
    }

    /** The latest ProcedureTask of this TaskId. */
    public Optional<ObjectNode> find(String taskId) {
        return Optional.ofNullable(byTaskId.get(taskId)).map(ObjectNode::deepCopy);
    }

    private static boolean isFinished(JsonNode task) {
        return "FINISH".equals(task.path("Status").asText());
    }
}
