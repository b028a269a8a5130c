package io.vodflow.processor.it;

import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.processor.outbox.OutboxRelay;
import io.vodflow.processor.support.Fixtures;
import io.vodflow.processor.support.ProcessorProcess;
import io.vodflow.processor.support.SignatureRows;
import io.vodflow.processor.support.Sql;
import io.vodflow.processor.support.TestProducer;
import io.vodflow.processor.support.TopicReader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * Runs the processor jar as a process and kills it (SIGKILL) in the middle of its batches several times while
 * callbacks keep flowing; then checks every row: nothing lost, nothing doubled, every domain event published.
 */
@VodflowIntegrationTest
class CrashRecoveryIT {
    private static final String SECRET = "crash-recovery-jwt-secret-0123456789abcdef";
    private static final int FILES = 600;
    private static final int CRASHES = 3;
    private static final Map<String, String> ENV = Map.of("VODFLOW_JWT_SECRET", SECRET, "VODFLOW_PROCESSOR_BATCH_SIZE", "50",
            // the killed instance's partitions move to the next one after one session timeout
            "VODFLOW_PROCESSOR_SESSION_TIMEOUT", "6s");

    @Test
    void killedMidBatchSeveralTimesTheFinalTablesHoldEveryEventExactlyOnce() throws Exception {
        // the jar exists from the package phase on: failsafe runs this test; a surefire run (-Dtest=…IT) skips it
        assumeTrue(Files.exists(ProcessorProcess.JAR), "needs the repackaged jar (mvn verify)");
        KafkaBroker kafka = VodflowInfra.get().newKafkaBroker();
        PostgresDatabase db = VodflowInfra.get().newMigratedDatabase();
        Sql sql = new Sql(db);
        for (String topic : List.of(VodTopics.CALLBACKS, VodTopics.CALLBACKS_DLT, VodTopics.MEDIA_EVENTS)) {
            kafka.createTopic(topic, 4);
        }
        List<String> fileIds = new ArrayList<>();
        Map<String, UUID> signatures = new HashMap<>();
        for (int i = 0; i < FILES; i++) {
            String fileId = String.valueOf(8_100_000_000_000_000_000L + i);
            fileIds.add(fileId);
            signatures.put(fileId, SignatureRows.insert(sql, user(i), true));
        }
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(kafka, fileIds, signatures));
        try {
            for (int crash = 0; crash < CRASHES; crash++) {
                Process p = ProcessorProcess.start(db, kafka, ENV);
                long before = sql.count("SELECT count(*) FROM processed_event");
                // kill once it is visibly inside the stream: some batches committed, more in flight
                await().atMost(Duration.ofMinutes(2)).until(() -> sql.count("SELECT count(*) FROM processed_event") > before + 50 || !p.isAlive());
                p.destroyForcibly().waitFor();
            }
            producing.get();
            Process last = ProcessorProcess.start(db, kafka, ENV);
            try {
                await().atMost(Duration.ofMinutes(3)).until(() -> sql.count("SELECT count(*) FROM processed_event") == FILES * 3L);
                await().atMost(Duration.ofMinutes(1)).until(() -> sql.count("SELECT count(*) FROM outbox_event") == 0);
            } finally {
                last.destroy();
                last.waitFor();
            }
        } finally {
            producing.cancel(true);
        }

        assertThat(sql.count("SELECT count(*) FROM media")).isEqualTo(FILES);
        assertThat(sql.count("SELECT count(*) FROM procedure_task")).isEqualTo(FILES);
        assertThat(sql.count("SELECT count(*) FROM task_result")).isEqualTo(FILES * 2L);
        List<Map<String, Object>> rows = sql.rows("""
                SELECT m.file_id, m.user_id, m.signature_id, m.attribution, m.status, t.status AS task_status, t.progress,
                       s.state, s.used_file_id,
                       (SELECT count(*) FROM task_result r WHERE r.task_id = t.task_id AND r.status = 'SUCCESS') AS ok
                FROM media m JOIN procedure_task t ON t.task_id = m.procedure_task_id
                JOIN upload_signature s ON s.id = m.signature_id ORDER BY m.file_id""");
        assertThat(rows).hasSize(FILES).allSatisfy(r -> {
            String fileId = (String) r.get("file_id");
            assertThat(r).containsEntry("signature_id", signatures.get(fileId))
                    .containsEntry("user_id", user(fileIds.indexOf(fileId))).containsEntry("attribution", "LINKED")
                    .containsEntry("status", "READY").containsEntry("task_status", "FINISH").containsEntry("progress", 100)
                    .containsEntry("state", "USED").containsEntry("used_file_id", fileId).containsEntry("ok", 2L);
        });
        Map<String, Set<String>> ids = new HashMap<>();
        TopicReader.readAll(kafka.bootstrapServers(), VodTopics.MEDIA_EVENTS).forEach(r -> ids
                .computeIfAbsent(TopicReader.header(r, OutboxRelay.EVENT_TYPE_HEADER), k -> new HashSet<>())
                .add(TopicReader.header(r, OutboxRelay.EVENT_ID_HEADER)));
        assertThat(ids.get("UploadLinked")).hasSize(FILES);
        assertThat(ids.get("TranscodeFinished")).hasSize(FILES);
        kafka.close();
    }

    private static String user(int i) {
        return "u-crash-" + (i % 7);
    }

    private static void produce(KafkaBroker kafka, List<String> fileIds, Map<String, UUID> signatures) {
        SourceContextCodec codec = SourceContextCodec.derivedFrom(SECRET);
        String[] fixtures = {"v3-procedure-change-processing.json", "v3-new-file-upload.json", "v3-procedure-finish.json"};
        try (TestProducer producer = new TestProducer(kafka.bootstrapServers())) {
            for (String fileId : fileIds) {
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                for (String fixture : fixtures) {
                    records.add(new ProducerRecord<>(VodTopics.CALLBACKS, fileId,
                            Fixtures.body(fixture, fileId, "task-" + fileId, codec.issue(signatures.get(fileId)))));
                }
                producer.sendAll(records);
                try {
                    // pacing, not waiting: keeps callbacks flowing across the crashes rather than all up front
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
