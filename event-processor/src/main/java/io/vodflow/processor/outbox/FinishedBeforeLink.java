package io.vodflow.processor.outbox;

import io.vodflow.processor.store.TranscodeOutputs;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renditions and snapshot cover of media whose transcode ended before the upload was linked (the NewFileUpload came
 * late, say backfilled after its callback was lost): the TranscodeFinished then went out without a user, so the
 * UploadLinked carries them. Read inside the batch transaction; one query, and only when such media exist.
 */
public class FinishedBeforeLink {
    private static final String QUERY = """
            SELECT DISTINCT ON (m.file_id, r.definition) m.file_id, m.snapshot_cover_url, r.definition, r.url, r.width,
                   r.height, r.bitrate, r.size_bytes, r.duration_s, r.status
            FROM media m LEFT JOIN %s
            WHERE m.file_id = ANY($1::text[])
            -- the latest output per definition over all the file's task flows, as GET /v1/media shows them
            ORDER BY m.file_id, r.definition, %s
            """.formatted(TranscodeOutputs.OF_MEDIA_M, TranscodeOutputs.LATEST_FIRST);
    private final DatabaseClient db;

    public FinishedBeforeLink(DatabaseClient db) {
        this.db = db;
    }

    /** What a finished media carried: its renditions (possibly none) and snapshot cover. */
    public record Details(List<MediaEvent.Rendition> renditions, String coverUrl) { }

    /** Details by FileId of the given media; empty without a query when there are none. */
    public Mono<Map<String, Details>> of(Collection<String> fileIds) {
        if (fileIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<String, Details> byFile = new HashMap<>();
        return db.sql(QUERY).bind(0, fileIds.toArray(String[]::new))
                .map(row -> {
                    String fileId = row.get("file_id", String.class);
                    Details d = byFile.computeIfAbsent(fileId,
                            id -> new Details(new ArrayList<>(), row.get("snapshot_cover_url", String.class)));
                    Integer definition = row.get("definition", Integer.class);
                    if (definition != null) {
                        d.renditions().add(new MediaEvent.Rendition(definition, row.get("url", String.class),
                                row.get("width", Integer.class), row.get("height", Integer.class), row.get("bitrate", Long.class),
                                row.get("size_bytes", Long.class), row.get("duration_s", Double.class), row.get("status", String.class)));
                    }
                    return fileId;
                })
                .all().then(Mono.fromSupplier(() -> Map.copyOf(byFile)));
    }
}
