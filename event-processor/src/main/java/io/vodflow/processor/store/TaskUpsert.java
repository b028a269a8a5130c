package io.vodflow.processor.store;

import io.vodflow.processor.project.TaskRow;

import java.util.List;

/** The procedure_task upsert (only forward moves update a row; FINISH is terminal) and its column arrays. */
public final class TaskUpsert {
    static final String UPSERT = """
            INSERT INTO procedure_task AS t (task_id, file_id, status, status_rank, progress, err_code, message,
                session_context, session_id, notify_mode, finished_at, sub_app_id)
            SELECT u.task_id, u.file_id, u.status, u.status_rank, u.progress, u.err_code, u.message, u.session_context,
                u.session_id, u.notify_mode, u.finished_at::timestamptz, u.sub_app_id
            FROM unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::int4[], $6::int4[], $7::text[], $8::text[],
                $9::text[], $10::text[], $11::text[], $12::int8[])
                AS u(task_id, file_id, status, status_rank, progress, err_code, message, session_context, session_id,
                     notify_mode, finished_at, sub_app_id)
            ON CONFLICT (task_id) DO UPDATE SET
                file_id = COALESCE(t.file_id, EXCLUDED.file_id),
                status = CASE WHEN EXCLUDED.status_rank >= t.status_rank THEN EXCLUDED.status ELSE t.status END,
                status_rank = GREATEST(t.status_rank, EXCLUDED.status_rank),
                progress = GREATEST(t.progress, EXCLUDED.progress),
                err_code = CASE WHEN EXCLUDED.status_rank >= t.status_rank THEN COALESCE(EXCLUDED.err_code, t.err_code) ELSE t.err_code END,
                message = CASE WHEN EXCLUDED.status_rank >= t.status_rank THEN COALESCE(EXCLUDED.message, t.message) ELSE t.message END,
                session_context = COALESCE(t.session_context, EXCLUDED.session_context),
                session_id = COALESCE(t.session_id, EXCLUDED.session_id),
                notify_mode = COALESCE(EXCLUDED.notify_mode, t.notify_mode),
                finished_at = COALESCE(t.finished_at, EXCLUDED.finished_at),
                sub_app_id = COALESCE(t.sub_app_id, EXCLUDED.sub_app_id),
                updated_at = now()
            WHERE t.status_rank < 3 AND (EXCLUDED.status_rank > t.status_rank OR EXCLUDED.progress > t.progress)
            RETURNING task_id, file_id, status, status_rank, progress
            """;
    /** A task whose row this batch inserted or moved forward. */
    public record Changed(String taskId, String fileId, String status, int statusRank, int progress) { }

    static UnnestParameters<TaskRow> params(List<TaskRow> rows) {
        return new UnnestParameters<>(rows)
                .text(TaskRow::taskId).text(TaskRow::fileId).text(TaskRow::status).int4(TaskRow::statusRank)
                .int4(TaskRow::progress).int4(TaskRow::errCode).text(TaskRow::message).text(TaskRow::sessionContext)
                .text(TaskRow::sessionId).text(TaskRow::notifyMode).instant(TaskRow::finishedAt)
                .int8(TaskRow::subAppId);
    }

    private TaskUpsert() { }
}
