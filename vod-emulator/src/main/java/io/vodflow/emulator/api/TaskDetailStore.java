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
 * in a v3 ProcedureStateChanged body, and the sub-application it ran in. FINISH is terminal: a later PROCESSING
 * never replaces it.
 */
public final class TaskDetailStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Entry> byTaskId = new ConcurrentHashMap<>();

    /** What DescribeTaskDetail answers for one task: its top-level {@code Status} and the ProcedureTask. */
    public record Detail(String status, ObjectNode procedureTask) { }

    private record Entry(long subAppId, ObjectNode task, boolean aborted) {
        String status() {
            return aborted ? "ABORTED" : task.path("Status").asText("PROCESSING");
        }
    }

    /** Records the task of a v3 ProcedureStateChanged body of the primary application; other bodies are ignored. */
    public void record(byte[] v3Body) {
        record(0, v3Body);
    }

    /** Records the task of a v3 ProcedureStateChanged body of sub-application {@code subAppId} (0 = primary). */
    public void record(long subAppId, byte[] v3Body) {
        JsonNode body;
        try {
            body = MAPPER.readTree(v3Body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON callback body", e);
        }
        record(subAppId, body);
    }

    void record(JsonNode v3Body) {
        record(0, v3Body);
    }

    private void record(long subAppId, JsonNode v3Body) {
        JsonNode task = v3Body.path("ProcedureStateChangeEvent");
        String taskId = task.path("TaskId").asText("");
        if (!"ProcedureStateChanged".equals(v3Body.path("EventType").asText()) || !task.isObject() || taskId.isEmpty()) {
            return;
        }
        Entry incoming = new Entry(subAppId, (ObjectNode) task.deepCopy(), false);
        byTaskId.merge(taskId, incoming,
                (known, next) -> known.aborted() || isFinished(known.task()) && !isFinished(next.task()) ? known : next);
    }

    /**
     * Marks a known task ABORTED, as VOD reports a task flow it gave up on: the top-level Status says ABORTED while
     * the ProcedureTask keeps its last state (VOD documents only PROCESSING and FINISH there).
     */
    public void abort(String taskId) {
        byTaskId.computeIfPresent(taskId, (id, known) -> new Entry(known.subAppId(), known.task(), true));
    }

    /** The latest ProcedureTask of this TaskId, in whichever sub-application. */
    public Optional<ObjectNode> find(String taskId) {
        return Optional.ofNullable(byTaskId.get(taskId)).map(e -> e.task().deepCopy());
    }

    /** The task as DescribeTaskDetail in sub-application {@code subAppId} sees it: a task of another one is unknown. */
    public Optional<Detail> describe(long subAppId, String taskId) {
        return Optional.ofNullable(byTaskId.get(taskId)).filter(e -> e.subAppId() == subAppId)
                .map(e -> new Detail(e.status(), e.task().deepCopy()));
    }

    private static boolean isFinished(JsonNode task) {
        return "FINISH".equals(task.path("Status").asText());
    }
}
