package io.vodflow.processor.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.contract.kafka.CallbackHeaders;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A task whose FINISH callback was lost heals from DescribeTaskDetail (served by the VOD emulator through Tencent's SDK). */
@VodflowIntegrationTest
class ReconciliationIT {
    private static final String SECRET_ID = "AKIDreconcileTest";
    private static final String SECRET_KEY = "vodflowReconcileSecretKey0000000";
    private static final long DEFAULT_SUB_APP = 1500000009L;

    @Test
    void taskStuckInProcessingIsCorrectedFromDescribeTaskDetailInItsSubApplicationAndUnknownTasksAreLeftAlone() throws Exception {
        KafkaBroker kafka = VodflowInfra.get().newKafkaBroker();
        PostgresDatabase db = VodflowInfra.get().newMigratedDatabase();
        kafka.createTopic(VodTopics.CALLBACKS, 2);
        kafka.createTopic(VodTopics.CALLBACKS_DLT, 1);
        kafka.createTopic(VodTopics.MEDIA_EVENTS, 2);
        String lostTask = "1500000001-Procedure-lost-finish";
        String unknownTask = "1500000001-Procedure-unknown-to-vod";
        String subAppTask = "1500000007-Procedure-lost-finish";
        String abortedTask = "1500000001-Procedure-aborted";
        try (VodApiServer vod = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY), ApiServerSettings.defaults());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(ProcessorApplication.class).run(
                     "--server.port=0", "--vodflow.db.url=" + db.libpqUrl(), "--vodflow.db.user=" + db.user(),
                     "--vodflow.db.password=" + db.password(), "--vodflow.kafka.bootstrap=" + kafka.bootstrapServers(),
                     "--vodflow.jwt.secret=reconcile-it-jwt-secret-0123456789abcdefgh",
                     "--vodflow.processor.reconcile.enabled=true", "--vodflow.processor.reconcile.after=1s",
                     "--vodflow.processor.reconcile.interval=500ms", "--vodflow.processor.reconcile.recheck=1s",
                     "--vodflow.processor.reconcile.endpoint=" + vod.endpoint(), "--vodflow.processor.reconcile.protocol=http",
                     "--vodflow.processor.reconcile.secret-id=" + SECRET_ID, "--vodflow.processor.reconcile.secret-key=" + SECRET_KEY,
                     "--vodflow.processor.reconcile.sub-app-id=" + DEFAULT_SUB_APP)) {
            // VOD finished the tasks, but only the PROCESSING callbacks reached us: one in the configured sub-app,
            // one in the sub-app its callback URL named; a third flow VOD aborted
            vod.tasks().record(DEFAULT_SUB_APP, body("v3-procedure-finish.json", "5000000000000000001", lostTask));
            vod.tasks().record(1500000007L, body("v3-procedure-finish.json", "5000000000000000003", subAppTask));
            vod.tasks().record(DEFAULT_SUB_APP, body("v3-procedure-change-processing.json", "5000000000000000004", abortedTask));
            vod.tasks().abort(abortedTask);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(processing("5000000000000000001", lostTask, null)).get();
                producer.send(processing("5000000000000000002", unknownTask, null)).get();
                producer.send(processing("5000000000000000003", subAppTask, "1500000007")).get();
                producer.send(processing("5000000000000000004", abortedTask, null)).get();
            }

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(90))
                    .conditionEvaluationListener(c -> {
                        if (c.getRemainingTimeInMS() <= c.getPollInterval().toMillis()) {
                            System.out.printf("RECONCILE state: tasks=%s/%s/%s reconciled=%s records=%s%n", status(db, lostTask),
                                    status(db, subAppTask), status(db, abortedTask),
                                    meters.counter("vodflow.processor.reconciled").count(), meters.counter("vodflow.processor.records").count());
                        }
                    })
                    .until(() -> "FINISH".equals(status(db, lostTask)) && "FINISH".equals(status(db, subAppTask))
                            && "ABORTED".equals(status(db, abortedTask)));
            assertThat(meters.counter("vodflow.processor.reconciled").count()).isGreaterThanOrEqualTo(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> checked(db, unknownTask));
            assertThat(status(db, unknownTask)).isEqualTo("PROCESSING");
            assertThat(meters.counter("vodflow.processor.reconcile.failures").count()).as("an unknown task is no failure").isZero();
        } finally {
            kafka.close();
        }
    }

    private static ProducerRecord<String, byte[]> processing(String fileId, String taskId, String subAppHeader) {
        List<Header> headers = subAppHeader == null ? List.of()
                : List.of(new RecordHeader(CallbackHeaders.SUB_APP, subAppHeader.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(VodTopics.CALLBACKS, null, fileId, body("v3-procedure-change-processing.json", fileId, taskId),
                headers);
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
