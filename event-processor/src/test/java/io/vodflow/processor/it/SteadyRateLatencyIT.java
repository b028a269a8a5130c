package io.vodflow.processor.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.processor.ProcessorApplication;
import io.vodflow.processor.support.Fixtures;
import io.vodflow.processor.support.Sql;
import io.vodflow.processor.support.TestProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark figure 2 (processor part): callbacks at a steady rate (default 2,000/s for 10 s, stamped with the
 * receive-time header when sent) and the p50/p99 of receive → commit from the processor's own timer. Asserts
 * completeness; the percentiles are reported (-Dprocessor.steady.rate, -Dprocessor.steady.seconds).
 */
@VodflowIntegrationTest
class SteadyRateLatencyIT {

    @Test
    void steadyRateIsAppliedCompletelyAndItsLatencyIsReported() {
        int rate = Integer.getInteger("processor.steady.rate", 2_000);
        int seconds = Integer.getInteger("processor.steady.seconds", 10);
        KafkaBroker kafka = VodflowInfra.get().newKafkaBroker();
        PostgresDatabase db = VodflowInfra.get().newMigratedDatabase();
        Sql sql = new Sql(db);
        kafka.createTopic(VodTopics.CALLBACKS, 6);
        kafka.createTopic(VodTopics.CALLBACKS_DLT, 1);
        kafka.createTopic(VodTopics.MEDIA_EVENTS, 6);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProcessorApplication.class).run(
                "--server.port=0", "--vodflow.db.url=" + db.libpqUrl(), "--vodflow.db.user=" + db.user(),
                "--vodflow.db.password=" + db.password(), "--vodflow.kafka.bootstrap=" + kafka.bootstrapServers(),
                "--vodflow.jwt.secret=steady-rate-jwt-secret-0123456789abcdefgh",
                "--vodflow.processor.batch-wait=" + System.getProperty("processor.steady.wait", "20ms"));
             TestProducer producer = new TestProducer(kafka.bootstrapServers())) {
            // warm-up story so the consumer is assigned before the clock matters
            producer.send(VodTopics.CALLBACKS, "warm", Fixtures.body("v3-procedure-finish.json", "warm", "warm", null), java.util.Map.of());
            await().atMost(Duration.ofSeconds(60)).until(() -> sql.count("SELECT count(*) FROM processed_event") == 1);
            Timer e2e = app.getBean(MeterRegistry.class).get("vodflow.processor.end.to.end.latency").timer();
            long before = e2e.count();

            int tickMs = 10;
            int perTick = Math.max(1, rate * tickMs / 1000);
            long total = 0;
            long start = System.nanoTime();
            for (int tick = 0; tick < seconds * 1000 / tickMs; tick++) {
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                for (int i = 0; i < perTick; i++) {
                    String fileId = String.valueOf(6_000_000_000_000_000_000L + total++);
                    String fixture = total % 2 == 0 ? "v3-procedure-change-processing.json" : "v3-procedure-finish.json";
                    ProducerRecord<String, byte[]> r = new ProducerRecord<>(VodTopics.CALLBACKS, fileId,
                            Fixtures.body(fixture, fileId, "task-" + fileId, null));
                    r.headers().add(CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
                    records.add(r);
                }
                producer.sendAll(records);
                // pacing to the next tick, not waiting for a condition
                LockSupport.parkNanos(Math.max(0, start + (tick + 1) * tickMs * 1_000_000L - System.nanoTime()));
            }
            long sent = total;
            await().atMost(Duration.ofMinutes(2)).until(() -> sql.count("SELECT count(*) FROM processed_event") == sent + 1);
            assertThat(e2e.count() - before).isEqualTo(sent);
            ValueAtPercentile[] p = e2e.takeSnapshot().percentileValues();
            System.out.printf("STEADY %d events at %d/s: end-to-end p50 %.1f ms, p99 %.1f ms (max %.1f ms)%n", sent, rate,
                    p[0].value(TimeUnit.MILLISECONDS), p[1].value(TimeUnit.MILLISECONDS), e2e.max(TimeUnit.MILLISECONDS));
        } finally {
            kafka.close();
        }
    }
}
