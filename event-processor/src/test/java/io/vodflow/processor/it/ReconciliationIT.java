package io.vodflow.processor.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.emulator.api.ApiServerSettings;
import io.vodflow.emulator.api.VodApiServer;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.processor.ProcessorApplication;
import io.vodflow.processor.support.Fixtures;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A task whose FINISH callback was lost heals from DescribeTaskDetail (served by the VOD emulator through Tencent's SDK). */
@VodflowIntegrationTest
class ReconciliationIT {
    private static final String SECRET_ID = "AKIDreconcileTest";
    private static final String SECRET_KEY = "vodflowReconcileSecretKey0000000";

    @Test
    void taskStuckInProcessingIsCorrectedFromDescribeTaskDetailAndUnknownTasksAreLeftAlone() throws Exception {
        KafkaBroker kafka = VodflowInfra.get().newKafkaBroker();
        PostgresDatabase db = VodflowInfra.get().newMigratedDatabase();
        kafka.createTopic(VodTopics.CALLBACKS, 2);
        kafka.createTopic(VodTopics.CALLBACKS_DLT, 1);
        kafka.createTopic(VodTopics.MEDIA_EVENTS, 2);
        String lostTask = "1500000001-Procedure-lost-finish";
        String unknownTask = "1500000001-Procedure-unknown-to-vod";
        try (VodApiServer vod = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY), ApiServerSettings.defaults());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(ProcessorApplication.class).run(
                     "--server.port=0", "--vodflow.db.url=" + db.libpqUrl(), "--vodflow.db.user=" + db.user(),
                     "--vodflow.db.password=" + db.password(), "--vodflow.kafka.bootstrap=" + kafka.bootstrapServers(),
                     "--vodflow.jwt.secret=reconcile-it-jwt-secret-0123456789abcdefgh",
                     "--vodflow.processor.reconcile.enabled=true", "--vodflow.processor.reconcile.after=1s",
                     "--vodflow.processor.reconcile.interval=500ms", "--vodflow.processor.reconcile.recheck=1s",
                     "--vodflow.processor.reconcile.endpoint=" + vod.endpoint(), "--vodflow.processor.reconcile.protocol=http",
                     "--vodflow.processor.reconcile.secret-id=" + SECRET_ID, "--vodflow.processor.reconcile.secret-key=" + SECRET_KEY)) {
            // VOD finished the task, but only the PROCESSING callback reached us
            vod.tasks().record(body("v3-procedure-finish.json", "5000000000000000001", lostTask));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(VodTopics.CALLBACKS, "5000000000000000001",
                        body("v3-procedure-change-processing.json", "5000000000000000001", lostTask))).get();
                producer.send(new ProducerRecord<>(VodTopics.CALLBACKS, "5000000000000000002",
                        body("v3-procedure-change-processing.json", "5000000000000000002", unknownTask))).get();
            }

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(90))
                    .conditionEvaluationListener(c -> {
                        if (c.getRemainingTimeInMS() <= c.getPollInterval().toMillis()) {
                            System.out.printf("RECONCILE state: task=%s reconciled=%s records=%s%n", status(db, lostTask),
                                    meters.counter("vodflow.processor.reconciled").count(), meters.counter("vodflow.processor.records").count());
                        }
                    })
                    .until(() -> "FINISH".equals(status(db, lostTask)));
            assertThat(meters.counter("vodflow.processor.reconciled").count()).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> checked(db, unknownTask));
            assertThat(status(db, unknownTask)).isEqualTo("PROCESSING");
        } finally {
            kafka.close();
        }
    }

    private static byte[] body(String fixture, String fileId, String taskId) {
        return Fixtures.body(fixture, fileId, taskId, null);
    }

    private static String status(PostgresDatabase db, String taskId) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT status FROM procedure_task WHERE task_id = ?")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean checked(PostgresDatabase db, String taskId) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM procedure_task WHERE task_id = ? AND last_checked_at IS NOT NULL")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
