package io.vodflow.processor.reconcile;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.processor.reconcile.StaleTaskRepository.StaleTask;
import io.vodflow.processor.support.SignatureRows;
import io.vodflow.processor.support.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stuck tasks the reconciler takes first, and in which sub-application, on a real Postgres. */
@VodflowIntegrationTest
class StaleTaskRepositoryIT {

    @Test
    void aTaskNeverCheckedComesBeforeOlderOnesThatKeepComingBackThenTheLeastRecentlyChecked() {
        PostgresDatabase db = VodflowInfra.get().newMigratedDatabase();
        Sql sql = new Sql(db);
        // two tasks VOD keeps answering PROCESSING for, stuck for days and checked before; one stuck today
        sql.update("INSERT INTO procedure_task (task_id, status, status_rank, updated_at, last_checked_at) VALUES "
                + "('old-checked-10s-ago', 'PROCESSING', 2, now() - interval '3 days', now() - interval '10 seconds'),"
                + "('old-checked-20s-ago', 'PROCESSING', 2, now() - interval '3 days' + interval '1 minute', now() - interval '20 seconds'),"
                + "('stuck-today', 'PROCESSING', 2, now() - interval '1 hour', NULL),"
                + "('finished', 'FINISH', 3, now() - interval '4 days', NULL),"
                + "('checked-just-now', 'PROCESSING', 2, now() - interval '5 days', now())");
        StaleTaskRepository repository = repository(db);
        Duration after = Duration.ofMinutes(10);
        Duration recheck = Duration.ofSeconds(5);

        List<String> first = ids(repository.claim(after, recheck, 1).collectList().block(Duration.ofSeconds(10)));
        List<String> second = ids(repository.claim(after, recheck, 1).collectList().block(Duration.ofSeconds(10)));
        List<String> rest = ids(repository.claim(after, recheck, 10).collectList().block(Duration.ofSeconds(10)));
        List<String> again = ids(repository.claim(after, recheck, 10).collectList().block(Duration.ofSeconds(10)));

        assertThat(first).containsExactly("stuck-today");
        assertThat(second).as("then the least recently checked, though not the oldest").containsExactly("old-checked-20s-ago");
        assertThat(rest).as("finished and just-checked tasks are left alone").containsExactly("old-checked-10s-ago");
        assertThat(again).as("each claim stamps its tasks checked").isEmpty();
        assertThat(sql.count("SELECT count(*) FROM procedure_task WHERE last_checked_at > now() - interval '1 minute'"
                + " AND task_id <> 'checked-just-now'")).isEqualTo(3);
    }

    @Test
    void theSubApplicationComesFromTheTaskElseFromTheSignatureOfItsUpload() {
        PostgresDatabase db = VodflowInfra.get().newMigratedDatabase();
        Sql sql = new Sql(db);
        UUID signature = SignatureRows.insert(sql, "u-sub", false);
        sql.update("UPDATE upload_signature SET sub_app_id = 1500000002 WHERE id = ?", signature);
        sql.update("INSERT INTO media (file_id, user_id, signature_id, attribution, status, status_rank) VALUES "
                + "('f-signed', 'u-sub', ?, 'LINKED', 'PROCESSING', 2)", signature);
        sql.update("INSERT INTO procedure_task (task_id, file_id, status, status_rank, updated_at, sub_app_id) VALUES "
                + "('said-by-callback', 'f-signed', 'PROCESSING', 2, now() - interval '1 hour', 1500000001),"
                + "('said-by-signature', 'f-signed', 'PROCESSING', 2, now() - interval '1 hour', NULL),"
                + "('unknown', 'f-unsigned', 'PROCESSING', 2, now() - interval '1 hour', NULL)");

        Map<String, Long> subApps = new HashMap<>();
        repository(db).claim(Duration.ofMinutes(10), Duration.ofMinutes(5), 10).toIterable()
                .forEach(t -> subApps.put(t.taskId(), t.subAppId()));

        assertThat(subApps).containsOnly(Map.entry("said-by-callback", 1_500_000_001L),
                Map.entry("said-by-signature", 1_500_000_002L), new AbstractMap.SimpleEntry<>("unknown", null));
    }

    private static StaleTaskRepository repository(PostgresDatabase db) {
        return new StaleTaskRepository(DatabaseClient.create(ConnectionFactories.get(
                ConnectionFactoryOptions.parse(db.r2dbcUrl()).mutate().option(ConnectionFactoryOptions.USER, db.user())
                        .option(ConnectionFactoryOptions.PASSWORD, db.password()).build())));
    }

    private static List<String> ids(List<StaleTask> tasks) {
        return tasks.stream().map(StaleTask::taskId).toList();
    }
}
