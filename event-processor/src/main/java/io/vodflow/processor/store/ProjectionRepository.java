package io.vodflow.processor.store;

import io.vodflow.processor.project.ProjectionPlan;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a batch's projection in ONE statement and round trip: the media, task and subtask upserts, the
 * signature update and the audit inserts as data-modifying CTEs (each still INSERT … SELECT FROM unnest),
 * returning the stored media and the tasks that moved. Postgres runs every CTE to completion once; the
 * tables are distinct, so the shared snapshot changes nothing. Empty arrays simply insert no rows.
 */
public class ProjectionRepository {
    private static final Pattern PARAM = Pattern.compile("\\$(\\d+)");
    private static final List<String> NAMES = List.of("m", "t", "r", "s", "c", "u", "p");
    private static final List<String> PARTS = List.of(MediaUpsert.UPSERT, TaskUpsert.UPSERT, TaskResultUpsert.UPSERT,
            SignatureRepository.MARK_USED, AuditInserts.CONFLICT + " RETURNING 1", AuditInserts.UNKNOWN + " RETURNING 1",
            PartDeletionUpsert.UPSERT);
    private static final String RESULT = """

            SELECT 'm' AS kind, file_id, user_id, attribution, signature_id, status, procedure_task_id AS task_id,
                   NULL::int AS status_rank, NULL::int AS progress, attributed_now FROM m
            UNION ALL SELECT 't', file_id, NULL, NULL, NULL, status, task_id, status_rank::int, progress, NULL FROM t
            UNION ALL SELECT 'c', NULL, NULL, NULL, NULL, NULL, NULL, (SELECT count(*) FROM c)::int, NULL, NULL
            UNION ALL SELECT 'u', NULL, NULL, NULL, NULL, NULL, NULL, (SELECT count(*) FROM u)::int, NULL, NULL
            """;
    private final DatabaseClient db;
    private final String sql;

    public ProjectionRepository(DatabaseClient db) {
        this.db = db;
        this.sql = statement(params(ProjectionPlan.empty()));
    }

    private static List<UnnestParameters<?>> params(ProjectionPlan plan) {
        return List.of(MediaUpsert.params(plan.media()), TaskUpsert.params(plan.tasks()),
                TaskResultUpsert.params(plan.results()), SignatureRepository.params(plan.signatureUses()),
                AuditInserts.conflictParams(plan.conflicts()), AuditInserts.unknownParams(plan.unknowns()),
                PartDeletionUpsert.params(plan.partDeletions()));
    }

    private static String statement(List<UnnestParameters<?>> params) {
        StringBuilder out = new StringBuilder("WITH ");
        int offset = 0;
        for (int i = 0; i < PARTS.size(); i++) {
            out.append(i == 0 ? "" : ",\n").append(NAMES.get(i)).append(" AS (").append(shift(PARTS.get(i).strip(), offset)).append(')');
            offset += params.get(i).size();
        }
        return out.append(RESULT).toString();
    }

    /** What the statement wrote: stored media by FileId, tasks that moved, and counts of new conflicts/unknowns. */
    public record Written(Map<String, MediaUpsert.Stored> media, List<TaskUpsert.Changed> changedTasks,
                         long newConflicts, long newUnknowns) { }

    /** Runs the statement; every subscription starts from empty result holders, so a retried batch starts clean. */
    public Mono<Written> write(ProjectionPlan plan) {
        return Mono.defer(() -> execute(plan));
    }

    private Mono<Written> execute(ProjectionPlan plan) {
        List<UnnestParameters<?>> params = params(plan);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        int at = 0;
        for (UnnestParameters<?> p : params) {
            spec = p.bind(spec, at);
            at += p.size();
        }
        Map<String, MediaUpsert.Stored> media = new HashMap<>();
        List<TaskUpsert.Changed> tasks = new ArrayList<>();
        long[] counts = new long[2];
        return spec.map(row -> {
            String kind = row.get("kind", String.class);
            switch (kind) {
                case "m" -> media.put(row.get("file_id", String.class), new MediaUpsert.Stored(row.get("file_id", String.class),
                        row.get("user_id", String.class), row.get("attribution", String.class), row.get("signature_id", String.class),
                        row.get("status", String.class), row.get("task_id", String.class),
                        Boolean.TRUE.equals(row.get("attributed_now", Boolean.class))));
                case "t" -> tasks.add(new TaskUpsert.Changed(row.get("task_id", String.class), row.get("file_id", String.class),
                        row.get("status", String.class), row.get("status_rank", Integer.class), row.get("progress", Integer.class)));
                case "c" -> counts[0] = row.get("status_rank", Integer.class);
                default -> counts[1] = row.get("status_rank", Integer.class);
            }
            return kind;
        }).all().then(Mono.fromSupplier(() -> new Written(media, tasks, counts[0], counts[1])));
    }

    /** Renumbers $n placeholders by {@code offset}, so each part keeps its own SQL next to its repository. */
    static String shift(String sql, int offset) {
        Matcher m = PARAM.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "\\$" + (Integer.parseInt(m.group(1)) + offset));
        }
        m.appendTail(out);
        return out.toString();
    }
}
