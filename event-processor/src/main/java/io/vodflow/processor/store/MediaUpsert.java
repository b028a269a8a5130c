package io.vodflow.processor.store;

import io.vodflow.processor.project.MediaRow;

import java.util.List;

/** The media upsert (merge rules of {@link MediaRow#merge} in SQL) and its column arrays; run by {@link ProjectionRepository}. */
public final class MediaUpsert {
    static final String UPSERT = """
            INSERT INTO media AS m (file_id, user_id, signature_id, attribution, attribution_reason, name, category,
                media_url, basic_cover_url, snapshot_cover_url, size_bytes, duration_s, width, height, bitrate, container,
                procedure_task_id, status, status_rank, uploaded_at, deleted_at)
            SELECT u.file_id, u.user_id, u.signature_id::uuid, u.attribution, u.reason, u.name, u.category, u.media_url,
                u.basic_cover, u.snapshot_cover, u.size_bytes, u.duration_s, u.width, u.height, u.bitrate, u.container,
                u.task_id, u.status, u.status_rank, u.uploaded_at::timestamptz, u.deleted_at::timestamptz
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::text[], $11::int8[], $12::float8[], $13::int4[], $14::int4[], $15::int8[], $16::text[],
                $17::text[], $18::text[], $19::int4[], $20::text[], $21::text[])
                AS u(file_id, user_id, signature_id, attribution, reason, name, category, media_url, basic_cover,
                     snapshot_cover, size_bytes, duration_s, width, height, bitrate, container, task_id, status,
                     status_rank, uploaded_at, deleted_at)
            ON CONFLICT (file_id) DO UPDATE SET
                user_id = CASE WHEN m.attribution = 'PENDING' THEN EXCLUDED.user_id ELSE m.user_id END,
                signature_id = CASE WHEN m.attribution = 'PENDING' THEN EXCLUDED.signature_id ELSE m.signature_id END,
                attribution_reason = CASE WHEN m.attribution = 'PENDING' THEN EXCLUDED.attribution_reason ELSE m.attribution_reason END,
                attribution = CASE WHEN m.attribution = 'PENDING' THEN EXCLUDED.attribution ELSE m.attribution END,
                name = COALESCE(m.name, EXCLUDED.name),
                category = COALESCE(m.category, EXCLUDED.category),
                media_url = COALESCE(m.media_url, EXCLUDED.media_url),
                basic_cover_url = COALESCE(m.basic_cover_url, EXCLUDED.basic_cover_url),
                snapshot_cover_url = COALESCE(EXCLUDED.snapshot_cover_url, m.snapshot_cover_url),
                size_bytes = COALESCE(m.size_bytes, EXCLUDED.size_bytes),
                duration_s = COALESCE(m.duration_s, EXCLUDED.duration_s),
                width = COALESCE(m.width, EXCLUDED.width),
                height = COALESCE(m.height, EXCLUDED.height),
                bitrate = COALESCE(m.bitrate, EXCLUDED.bitrate),
                container = COALESCE(m.container, EXCLUDED.container),
                procedure_task_id = COALESCE(m.procedure_task_id, EXCLUDED.procedure_task_id),
                status = CASE WHEN EXCLUDED.status_rank > m.status_rank THEN EXCLUDED.status ELSE m.status END,
                status_rank = GREATEST(m.status_rank, EXCLUDED.status_rank),
                uploaded_at = COALESCE(m.uploaded_at, EXCLUDED.uploaded_at),
                deleted_at = COALESCE(m.deleted_at, EXCLUDED.deleted_at),
                updated_at = now()
            RETURNING file_id, user_id, attribution, signature_id::text AS signature_id, status, procedure_task_id
            """;
    /** A media row as stored after the upsert. */
    public record Stored(String fileId, String userId, String attribution, String signatureId, String status, String taskId) { }

    static UnnestParameters<MediaRow> params(List<MediaRow> rows) {
        return new UnnestParameters<>(rows)
                .text(MediaRow::fileId).text(MediaRow::userId).uuid(MediaRow::signatureId)
                .text(r -> r.attribution().name()).text(MediaRow::reason).text(MediaRow::name).text(MediaRow::category)
                .text(MediaRow::mediaUrl).text(MediaRow::basicCoverUrl).text(MediaRow::snapshotCoverUrl)
                .int8(MediaRow::size).float8(MediaRow::duration).int4(MediaRow::width).int4(MediaRow::height)
                .int8(MediaRow::bitrate).text(MediaRow::container).text(MediaRow::taskId).text(MediaRow::status)
                .int4(MediaRow::statusRank).instant(MediaRow::uploadedAt).instant(MediaRow::deletedAt);
    }

    private MediaUpsert() { }
}
