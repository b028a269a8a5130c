package io.vodflow.kit.db;

import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.kit.secret.Secret;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Several service instances starting together against one fresh database all come up with one migrated schema. */
class SchemaMigratorIT {

    @Test
    void instancesMigratingAtTheSameTimeDoNotBreakEachOther() throws Exception {
        PostgresDatabase db = VodflowInfra.get().newDatabase("migrate");
        DatabaseProperties props = new DatabaseProperties(db.libpqUrl(), db.user(), Secret.of(db.password()), 5,
                Duration.ofSeconds(5), true, false);
        int instances = 4;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<MigrateResult>> results = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            results.add(pool.submit((Callable<MigrateResult>) () -> {
                together.await();
                return new SchemaMigrator(props).migrate();
            }));
        }
        int applied = 0;
        for (Future<MigrateResult> f : results) {
            MigrateResult r = f.get();
            assertThat(r.success).isTrue();
            applied += r.migrationsExecuted;
        }
        pool.shutdown();

        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), count(distinct version), bool_and(success) "
                     + "from flyway_schema_history where version is not null")) {
            rs.next();
            int versions = rs.getInt(1);
            assertThat(versions).as("each migration recorded once").isEqualTo(rs.getInt(2)).isGreaterThanOrEqualTo(3);
            assertThat(rs.getBoolean(3)).isTrue();
            // the migrations ran exactly once in total: the instances that waited for the lock found nothing to do
            assertThat(applied).isEqualTo(versions);
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from information_schema.tables where table_name in "
                     + "('upload_signature', 'media', 'procedure_task', 'task_result', 'processed_event', 'callback_fallback')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(6);
        }
    }
}
