package io.vodflow.processor.query;

import io.vodflow.processor.store.TaskOwnership;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;

/** Read side of procedure tasks: the task, its subtasks and the owner of its file. */
public class TaskQueryRepository {
    private static final String TASK = """
            SELECT t.task_id, COALESCE(t.file_id, m.file_id) AS file_id, t.status, t.progress, t.err_code, t.message,
                   t.created_at, t.updated_at, t.finished_at, m.user_id
            FROM procedure_task t LEFT JOIN LATERAL (
                -- a task first known from a callback without FileId: the upload that started it names it
                SELECT o.file_id, o.user_id FROM media o WHERE %s LIMIT 1) m ON true
            WHERE t.task_id = $1
            """.formatted(TaskOwnership.taskOfMedia("t", "o"));
    private static final String SUBTASKS = """
            SELECT type, definition, status, progress, err_code, err_code_ext, message, url, width, height, bitrate,
                   size_bytes, duration_s, container, cover_url, image_urls::text AS image_urls, webvtt_url, suggestion,
                   confidence, begin_process_time, finish_time
            FROM task_result WHERE task_id = $1 ORDER BY type, definition
            """;
    private final DatabaseClient db;

    public TaskQueryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A task with the user id owning its media (null when not attributed). */
    public record OwnedTask(TaskView task, String ownerId) { }

    public Mono<OwnedTask> find(String taskId) {
        return db.sql(TASK).bind(0, taskId)
                .map(r -> new OwnedTask(new TaskView(r.get("task_id", String.class), r.get("file_id", String.class),
                        r.get("status", String.class), r.get("progress", Integer.class), r.get("err_code", Integer.class),
                        r.get("message", String.class), r.get("created_at", OffsetDateTime.class),
                        r.get("updated_at", OffsetDateTime.class), r.get("finished_at", OffsetDateTime.class), null),
                        r.get("user_id", String.class)))
                .one()
                .flatMap(o -> db.sql(SUBTASKS).bind(0, taskId)
                        .map(r -> new TaskView.SubtaskView(r.get("type", String.class), r.get("definition", Integer.class),
                                r.get("status", String.class), r.get("progress", Integer.class), r.get("err_code", Integer.class),
                                r.get("err_code_ext", String.class), r.get("message", String.class), r.get("url", String.class),
                                r.get("width", Integer.class), r.get("height", Integer.class), r.get("bitrate", Long.class),
                                r.get("size_bytes", Long.class), r.get("duration_s", Double.class), r.get("container", String.class),
                                r.get("cover_url", String.class), r.get("image_urls", String.class), r.get("webvtt_url", String.class),
                                r.get("suggestion", String.class), r.get("confidence", Double.class),
                                r.get("begin_process_time", OffsetDateTime.class), r.get("finish_time", OffsetDateTime.class)))
                        .all().collectList()
                        .map(list -> new OwnedTask(o.task().withSubtasks(list), o.ownerId())));
    }
}
