package io.vodflow.processor.store;

import io.vodflow.processor.project.MediaRow;

import java.util.List;
import java.util.stream.Stream;

/** The media upsert (merge rules of {@link MediaRow#merge} in SQL) and its column arrays; run by {@link ProjectionRepository}. */
public final class MediaUpsert {
    // kept from the first event that carried them (a later copy never overwrites what the upload reported)
    private static final List<String> FIRST_WINS = List.of("name", "category", "media_url", "basic_cover_url", "size_bytes",
            "duration_s", "width", "height", "bitrate", "container", "procedure_task_id", "uploaded_at", "deleted_at");
    private static final String ATTRIBUTING = "m.attribution = 'PENDING' AND EXCLUDED.attribution <> 'PENDING'";
    // true when the update moves anything; otherwise updated_at stays, so a re-applied event leaves the row as it was
    private static final String CHANGES = String.join(" OR ", Stream.concat(Stream.of("(" + ATTRIBUTING + ")",
                    "EXCLUDED.status_rank > m.status_rank",
                    "COALESCE(EXCLUDED.snapshot_cover_url, m.snapshot_cover_url) IS DISTINCT FROM m.snapshot_cover_url"),
            FIRST_WINS.stream().map(c -> "(m." + c + " IS NULL AND EXCLUDED." + c + " IS NOT NULL)")).toList());
    static final String UPSERT = """
            INSERT INTO media AS m (file_id, user_id, signature_id, attribution, attribution_reason, name, category,
                media_url, basic_cover_url, snapshot_cover_url, size_bytes, duration_s, width, height, bitrate, container,
                procedure_task_id, status, status_rank, uploaded_at, deleted_at, attributed_at)
            SELECT u.file_id, u.user_id, u.signature_id::uuid, u.attribution, u.reason, u.name, u.category, u.media_url,
                u.basic_cover, u.snapshot_cover, u.size_bytes, u.duration_s, u.width, u.height, u.bitrate, u.container,
                u.task_id, u.status, u.status_rank, u.uploaded_at::timestamptz, u.deleted_at::timestamptz,
                CASE WHEN u.attribution <> 'PENDING' THEN now() END
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::text[], $11::int8[], $12::float8[], $13::int4[], $14::int4[], $15::int8[], $16::text[],
                $17::text[], $18::text[], $19::int4[], $20::text[], $21::text[])
                AS u(file_id, user_id, signature_id, attribution, reason, name, category, media_url, basic_cover,
                     snapshot_cover, size_bytes, duration_s, width, height, bitrate, container, task_id, status,
                     status_rank, uploaded_at, deleted_at)
            ON CONFLICT (file_id) DO UPDATE SET
                user_id = CASE WHEN %1$s THEN EXCLUDED.user_id ELSE m.user_id END,
                signature_id = CASE WHEN %1$s THEN EXCLUDED.signature_id ELSE m.signature_id END,
                attribution_reason = CASE WHEN %1$s THEN EXCLUDED.attribution_reason ELSE m.attribution_reason END,
                attribution = CASE WHEN %1$s THEN EXCLUDED.attribution ELSE m.attribution END,
                attributed_at = CASE WHEN %1$s THEN now() ELSE m.attributed_at END,
                %2$s,
                snapshot_cover_url = COALESCE(EXCLUDED.snapshot_cover_url, m.snapshot_cover_url),
                status = CASE WHEN EXCLUDED.status_rank > m.status_rank THEN EXCLUDED.status ELSE m.status END,
                status_rank = GREATEST(m.status_rank, EXCLUDED.status_rank),
                updated_at = CASE WHEN %3$s THEN now() ELSE m.updated_at END
            RETURNING file_id, user_id, attribution, signature_id::text AS signature_id, status, procedure_task_id,
                attributed_at IS NOT DISTINCT FROM now() AS attributed_now
            """.formatted(ATTRIBUTING, String.join(",\n    ", FIRST_WINS.stream().map(c -> c + " = COALESCE(m." + c + ", EXCLUDED." + c + ")").toList()),
            CHANGES);
    /**
     * A media row as stored after the upsert; {@code attributedNow} is true when this transaction attributed it (inserted it
     * attributed, or resolved a PENDING row), false when it was attributed before.
     */
    public record Stored(String fileId, String userId, String attribution, String signatureId, String status, String taskId,
                         boolean attributedNow) { }

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
