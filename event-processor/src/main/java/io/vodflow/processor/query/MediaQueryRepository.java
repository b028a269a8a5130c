package io.vodflow.processor.query;

import io.r2dbc.spi.Readable;
import io.vodflow.kit.page.PageCursor;
import io.vodflow.kit.page.PageRequest;
import io.vodflow.processor.store.TaskOwnership;
import io.vodflow.processor.store.TranscodeOutputs;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Read side of media: one media with its newest task flow and the renditions of all of them, or a page of media.
 */
public class MediaQueryRepository {
    private static final String COLUMNS = """
            SELECT m.file_id, m.user_id, m.signature_id::text AS signature_id, m.status, t.task_id, t.status AS task_status,
                   COALESCE(m.snapshot_cover_url, m.basic_cover_url) AS cover_url, m.attribution, m.attribution_reason,
                   t.progress, m.name, CASE WHEN o.deleted_at IS NULL THEN m.media_url END AS media_url,
                   m.size_bytes, m.duration_s, m.width, m.height, m.created_at, m.updated_at, m.deleted_at,
                   o.deleted_at AS original_deleted_at
            FROM media m
            LEFT JOIN LATERAL (
                SELECT max(d.deleted_at) AS deleted_at FROM media_part_deletion d
                WHERE d.file_id = m.file_id AND d.part_type = 'OriginalFiles'
            ) o ON true
            LEFT JOIN LATERAL (
                SELECT pt.task_id, pt.status, pt.progress FROM procedure_task pt WHERE %s
                ORDER BY pt.created_at DESC, pt.task_id DESC LIMIT 1
            ) t ON true
            """.formatted(TaskOwnership.taskOfMedia("pt", "m"));
    private static final String ONE = COLUMNS + " WHERE m.file_id = $1";
    private static final String PAGE = COLUMNS + """
             WHERE m.user_id = $1
            AND ($4::timestamptz IS NULL OR (m.created_at, m.file_id) < ($4::timestamptz, $5::text))
            ORDER BY m.created_at DESC, m.file_id DESC
            LIMIT $2 OFFSET $3
            """;
    // the explicit "<> 'LINKED'" lets the planner use the partial index media_unlinked_newest_idx (V6)
    private static final String BY_ATTRIBUTION = COLUMNS + """
             WHERE m.attribution = ANY($1) AND m.attribution <> 'LINKED'
            AND ($4::timestamptz IS NULL OR (m.created_at, m.file_id) < ($4::timestamptz, $5::text))
            ORDER BY m.created_at DESC, m.file_id DESC
            LIMIT $2 OFFSET $3
            """;
    // every task flow of the file (the upload's, and ProcessMedia runs after it), the latest output per definition
    private static final String RENDITIONS = """
            SELECT DISTINCT ON (r.definition) r.definition, r.url, r.width, r.height, r.bitrate, r.size_bytes, r.duration_s,
                   COALESCE(r.finish_time, r.updated_at) AS finished_at
            FROM media m JOIN %s
            WHERE m.file_id = $1
            ORDER BY r.definition, %s
            """.formatted(TranscodeOutputs.OF_MEDIA_M, TranscodeOutputs.LATEST_FIRST);
    private static final String DELETED_PARTS = """
            SELECT part_type, definition, deleted_at FROM media_part_deletion WHERE file_id = $1
            ORDER BY part_type, definition
            """;
    private final DatabaseClient db;

    public MediaQueryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The media with its remaining renditions and its partial deletions, or empty. */
    public Mono<MediaView> find(String fileId) {
        return db.sql(ONE).bind(0, fileId).map(MediaQueryRepository::view).one()
                .flatMap(v -> Mono.zip(renditions(fileId), deletedParts(fileId),
                        (r, d) -> v.withDetails(RemovedRenditions.remaining(r, d), d)));
    }

    /** The rows of a page of the user's media, newest first, without renditions (one extra: {@link PageRequest#fetchLimit()}). */
    public Mono<List<MediaView>> page(String userId, PageRequest request) {
        return paged(db.sql(PAGE).bind(0, userId), request);
    }

    /** The rows of a page of media not linked to a user (PENDING, UNATTRIBUTED, CONFLICT as asked), newest first. */
    public Mono<List<MediaView>> pageUnlinked(List<String> attributions, PageRequest request) {
        return paged(db.sql(BY_ATTRIBUTION).bind(0, attributions.toArray(String[]::new)), request);
    }

    /** Where a media sits in the newest-first lists, as their cursors hold it. */
    public static PageCursor position(MediaView media) {
        return new PageCursor(media.createdAt().toInstant(), media.fileId());
    }

    private static Mono<List<MediaView>> paged(DatabaseClient.GenericExecuteSpec spec, PageRequest request) {
        spec = spec.bind(1, request.fetchLimit()).bind(2, request.offset());
        spec = request.after() == null ? spec.bindNull(3, Instant.class).bindNull(4, String.class)
                : spec.bind(3, request.after().at()).bind(4, request.after().key());
        return spec.map(MediaQueryRepository::view).all().collectList();
    }

    private Mono<List<RemovedRenditions.Finished>> renditions(String fileId) {
        return db.sql(RENDITIONS).bind(0, fileId)
                .map(r -> new RemovedRenditions.Finished(new MediaView.RenditionView(r.get("definition", Integer.class),
                        r.get("url", String.class), r.get("width", Integer.class), r.get("height", Integer.class),
                        r.get("bitrate", Long.class), r.get("size_bytes", Long.class), r.get("duration_s", Double.class)),
                        r.get("finished_at", OffsetDateTime.class)))
                .all().collectList();
    }

    private Mono<List<MediaView.DeletedPartView>> deletedParts(String fileId) {
        return db.sql(DELETED_PARTS).bind(0, fileId)
                .map(r -> new MediaView.DeletedPartView(r.get("part_type", String.class), r.get("definition", Integer.class),
                        r.get("deleted_at", OffsetDateTime.class)))
                .all().collectList();
    }

    private static MediaView view(Readable r) {
        return new MediaView(r.get("file_id", String.class), r.get("user_id", String.class), r.get("signature_id", String.class),
                r.get("status", String.class), r.get("task_id", String.class), r.get("task_status", String.class), null,
                r.get("cover_url", String.class), r.get("attribution", String.class), r.get("attribution_reason", String.class),
                r.get("progress", Integer.class), r.get("name", String.class), r.get("media_url", String.class),
                r.get("size_bytes", Long.class), r.get("duration_s", Double.class), r.get("width", Integer.class),
                r.get("height", Integer.class), r.get("created_at", OffsetDateTime.class),
                r.get("updated_at", OffsetDateTime.class), r.get("deleted_at", OffsetDateTime.class),
                r.get("original_deleted_at", OffsetDateTime.class), null);
    }
}
