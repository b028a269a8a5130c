package io.vodflow.processor.store;

import io.vodflow.contract.event.FileDeleted;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.processor.project.ProjectionPlan;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's yardstick: the processor's own UNNEST statements and column arrays for the same batches,
 * executed over plain JDBC on one connection, one transaction per batch, with nothing else around them.
 */
public final class JdbcUnnestBaseline {
    private static final Map<Class<?>, String> SQL_TYPES = Map.of(String.class, "text", Integer.class, "int4",
            Long.class, "int8", Double.class, "float8");

    private JdbcUnnestBaseline() { }

    /** One batch as the processor writes it. */
    public record Batch(List<DedupeRepository.Claim> claims, ProjectionPlan plan, List<OutboxRepository.Entry> outbox) { }

    /** Writes every batch and returns the elapsed time. */
    public static Duration run(PostgresDatabase db, List<Batch> batches) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            for (Batch b : batches) {
                execute(c, DedupeRepository.CLAIM, DedupeRepository.params(b.claims()),
                        DedupeRepository.windowSeconds(Duration.ofMinutes(10)), FileDeleted.TYPE);
                execute(c, MediaUpsert.UPSERT, MediaUpsert.params(b.plan().media()));
                execute(c, TaskUpsert.UPSERT, TaskUpsert.params(b.plan().tasks()));
                execute(c, TaskResultUpsert.UPSERT, TaskResultUpsert.params(b.plan().results()));
                execute(c, OutboxRepository.INSERT, OutboxRepository.params(b.outbox()));
                c.commit();
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    /** Runs {@code sql} with the arrays of {@code params}, then {@code scalars} as the parameters after them. */
    private static void execute(Connection c, String sql, UnnestParameters<?> params, Object... scalars) throws SQLException {
        if (params.arrays().isEmpty() || ((Object[]) params.arrays().get(0)).length == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.replaceAll("\\$\\d+", "?"))) {
            for (int i = 0; i < params.arrays().size(); i++) {
                Object[] values = (Object[]) params.arrays().get(i);
                Array array = c.createArrayOf(SQL_TYPES.get(values.getClass().getComponentType()), values);
                ps.setArray(i + 1, array);
            }
            for (int i = 0; i < scalars.length; i++) {
                ps.setObject(params.arrays().size() + i + 1, scalars[i]);
            }
            ps.execute();
        }
    }
}
