package io.vodflow.processor.store;

import io.vodflow.processor.project.ResultRow;

import java.util.List;

/** The task_result upsert (terminal subtasks never change, progress only moves forward) and its column arrays. */
public final class TaskResultUpsert {
    static final String UPSERT = """
            INSERT INTO task_result AS r (task_id, type, definition, status, status_rank, progress, err_code, err_code_ext,
                message, url, width, height, bitrate, size_bytes, duration_s, container, md5, cover_url, image_urls,
                webvtt_url, suggestion, confidence, output_json, begin_process_time, finish_time)
            SELECT u.task_id, u.type, u.definition, u.status, u.status_rank, u.progress, u.err_code, u.err_code_ext,
                u.message, u.url, u.width, u.height, u.bitrate, u.size_bytes, u.duration_s, u.container, u.md5, u.cover_url,
                u.image_urls::jsonb, u.webvtt_url, u.suggestion, u.confidence, u.output_json::jsonb,
                u.begin_process_time::timestamptz, u.finish_time::timestamptz
            FROM unnest($1::text[], $2::text[], $3::int4[], $4::text[], $5::int4[], $6::int4[], $7::int4[], $8::text[],
                $9::text[], $10::text[], $11::int4[], $12::int4[], $13::int8[], $14::int8[], $15::float8[], $16::text[],
                $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::float8[], $23::text[], $24::text[],
                $25::text[])
                AS u(task_id, type, definition, status, status_rank, progress, err_code, err_code_ext, message, url,
                     width, height, bitrate, size_bytes, duration_s, container, md5, cover_url, image_urls, webvtt_url,
                     suggestion, confidence, output_json, begin_process_time, finish_time)
            ON CONFLICT (task_id, type, definition) DO UPDATE SET
                status = CASE WHEN EXCLUDED.status_rank >= r.status_rank THEN EXCLUDED.status ELSE r.status END,
                status_rank = GREATEST(r.status_rank, EXCLUDED.status_rank),
                progress = GREATEST(r.progress, EXCLUDED.progress),
                err_code = COALESCE(EXCLUDED.err_code, r.err_code),
                err_code_ext = COALESCE(EXCLUDED.err_code_ext, r.err_code_ext),
                message = COALESCE(EXCLUDED.message, r.message),
                url = COALESCE(EXCLUDED.url, r.url),
                width = COALESCE(EXCLUDED.width, r.width),
                height = COALESCE(EXCLUDED.height, r.height),
                bitrate = COALESCE(EXCLUDED.bitrate, r.bitrate),
                size_bytes = COALESCE(EXCLUDED.size_bytes, r.size_bytes),
                duration_s = COALESCE(EXCLUDED.duration_s, r.duration_s),
                container = COALESCE(EXCLUDED.container, r.container),
                md5 = COALESCE(EXCLUDED.md5, r.md5),
                cover_url = COALESCE(EXCLUDED.cover_url, r.cover_url),
                image_urls = COALESCE(EXCLUDED.image_urls, r.image_urls),
                webvtt_url = COALESCE(EXCLUDED.webvtt_url, r.webvtt_url),
                suggestion = COALESCE(EXCLUDED.suggestion, r.suggestion),
                confidence = COALESCE(EXCLUDED.confidence, r.confidence),
                output_json = COALESCE(EXCLUDED.output_json, r.output_json),
                begin_process_time = COALESCE(EXCLUDED.begin_process_time, r.begin_process_time),
                finish_time = COALESCE(EXCLUDED.finish_time, r.finish_time),
                updated_at = now()
            WHERE r.status_rank < 3 AND (EXCLUDED.status_rank > r.status_rank OR EXCLUDED.progress > r.progress)
            """;

    static UnnestParameters<ResultRow> params(List<ResultRow> rows) {
        return new UnnestParameters<>(rows)
                .text(ResultRow::taskId).text(ResultRow::type).int4(ResultRow::definition).text(ResultRow::status)
                .int4(ResultRow::statusRank).int4(ResultRow::progress).int4(ResultRow::errCode).text(ResultRow::errCodeExt)
                .text(ResultRow::message).text(ResultRow::url).int4(ResultRow::width).int4(ResultRow::height)
                .int8(ResultRow::bitrate).int8(ResultRow::size).float8(ResultRow::duration).text(ResultRow::container)
                .text(ResultRow::md5).text(ResultRow::coverUrl).json(ResultRow::imageUrlsJson).text(ResultRow::webVttUrl)
                .text(ResultRow::suggestion).float8(ResultRow::confidence).json(ResultRow::outputJson)
                .instant(ResultRow::beginProcessTime).instant(ResultRow::finishTime);
    }

    private TaskResultUpsert() { }
}
