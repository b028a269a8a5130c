package io.vodflow.processor.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.event.VodEventParser;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.contract.testing.FixtureFiles;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.processor.ProcessorApplication;
import io.vodflow.processor.outbox.MediaEventFactory;
import io.vodflow.processor.project.AttributionPolicy;
import io.vodflow.processor.project.BatchProjector;
import io.vodflow.processor.project.ProjectionPlan;
import io.vodflow.processor.store.DedupeRepository;
import io.vodflow.processor.store.JdbcUnnestBaseline;
import io.vodflow.processor.store.MediaUpsert;
import io.vodflow.processor.store.TaskUpsert;
import io.vodflow.processor.support.Sql;
import io.vodflow.processor.support.TestProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark figure 1: drains a pre-filled vod.callbacks into Postgres and reports events/s, next to a raw JDBC run
 * of the same UNNEST statements on the same rows. Size with -Dprocessor.drain.files (3 callbacks per file). It
 * asserts completeness only: on a shared machine the rate is a measurement, not a pass criterion.
 */
@VodflowIntegrationTest
class DrainThroughputIT {
    private static final String SECRET = "drain-throughput-jwt-secret-0123456789abcdef";
    private static final String[] STORY = {"v3-new-file-upload.json", "v3-procedure-change-processing.json", "v3-procedure-finish.json"};

    @Test
    void preFilledTopicIsDrainedCompletelyAndTheRateIsReported() throws Exception {
        int files = Integer.getInteger("processor.drain.files", 2_000);
        KafkaBroker kafka = VodflowInfra.get().newKafkaBroker();
        PostgresDatabase db = VodflowInfra.get().newMigratedDatabase();
        Sql sql = new Sql(db);
        int partitions = Integer.getInteger("processor.drain.partitions", 6);
        for (String topic : List.of(VodTopics.CALLBACKS, VodTopics.MEDIA_EVENTS)) {
            kafka.createTopic(topic, partitions);
        }
        kafka.createTopic(VodTopics.CALLBACKS_DLT, 1);
        List<ProducerRecord<String, byte[]>> records = records(files);
        try (TestProducer producer = new TestProducer(kafka.bootstrapServers())) {
            producer.sendAll(records);
        }
        long expected = records.size();
        AtomicLong firstSeenNanos = new AtomicLong();
        AtomicLong firstSeenCount = new AtomicLong();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProcessorApplication.class).run(
                "--server.port=0", "--vodflow.db.url=" + db.libpqUrl(), "--vodflow.db.user=" + db.user(),
                "--vodflow.db.password=" + db.password(), "--vodflow.kafka.bootstrap=" + kafka.bootstrapServers(),
                "--vodflow.jwt.secret=" + SECRET,
                "--vodflow.processor.batch-size=" + Integer.getInteger("processor.drain.batch", 500))) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                long n = sql.count("SELECT count(*) FROM processed_event");
                if (n > 0 && firstSeenNanos.get() == 0) {
                    firstSeenNanos.set(System.nanoTime());
                    firstSeenCount.set(n);
                }
                return n >= expected;
            });
            double seconds = Math.max(1e-3, (System.nanoTime() - firstSeenNanos.get()) / 1e9);
            double rate = (expected - firstSeenCount.get()) / seconds;
            var meters = app.getBean(MeterRegistry.class);
            var sizes = meters.get("vodflow.processor.batch.size").summary();
            var latency = meters.get("vodflow.processor.batch.latency").timer();
            System.out.printf("DRAIN processor: %d events, %.0f events/s (first commit to last); %d batches, mean size %.0f, "
                            + "mean latency %.1f ms%n", expected, rate, sizes.count(), sizes.mean(),
                    latency.mean(TimeUnit.MILLISECONDS));
            assertThat(sql.count("SELECT count(*) FROM media")).isEqualTo(files);
            assertThat(sql.count("SELECT count(*) FROM task_result")).isEqualTo(files * 2L);

            Duration jdbc = JdbcUnnestBaseline.run(VodflowInfra.get().newMigratedDatabase(), baselineBatches(records, 500));
            double jdbcRate = expected / Math.max(1e-3, jdbc.toNanos() / 1e9);
            System.out.printf("DRAIN raw JDBC UNNEST of the same rows: %.0f events/s; processor/JDBC = %.2f%n", jdbcRate, rate / jdbcRate);
        } finally {
            kafka.close();
        }
    }

    private static List<ProducerRecord<String, byte[]>> records(int files) throws Exception {
        ObjectMapper json = new ObjectMapper();
        SourceContextCodec codec = SourceContextCodec.derivedFrom(SECRET);
        CallbackRoutingReader routing = new CallbackRoutingReader();
        List<String> bodies = new ArrayList<>();
        for (String fixture : STORY) {
            bodies.add(json.writeValueAsString(json.readTree(FixtureFiles.text(fixture))));
        }
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String fileId = String.valueOf(7_000_000_000_000_000_000L + i);
            // a well-formed context of an unknown signature: UNATTRIBUTED, the same statements minus the signature update
            String ctx = codec.issue(UUID.nameUUIDFromBytes(fileId.getBytes(StandardCharsets.UTF_8)));
            for (String body : bodies) {
                byte[] value = body.replace(FixtureFiles.FILE_ID, fileId).replace(FixtureFiles.TASK_ID, "1500000001-Procedure-drain" + i)
                        .replace(FixtureFiles.CONTEXT_PLACEHOLDER, ctx).getBytes(StandardCharsets.UTF_8);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(VodTopics.CALLBACKS, fileId, value);
                r.headers().add(CallbackHeaders.DEDUPE_ID, routing.read(value).dedupeId().getBytes(StandardCharsets.UTF_8));
                r.headers().add(CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
                out.add(r);
            }
        }
        return out;
    }

    /** The rows the processor writes for these records, cut into batches, built before the JDBC clock starts. */
    private static List<JdbcUnnestBaseline.Batch> baselineBatches(List<ProducerRecord<String, byte[]>> records, int size) {
        VodEventParser parser = new VodEventParser();
        AttributionPolicy attribution = new AttributionPolicy(SourceContextCodec.derivedFrom(SECRET));
        BatchProjector projector = new BatchProjector(attribution, Clock.systemUTC());
        MediaEventFactory events = new MediaEventFactory(new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());
        List<JdbcUnnestBaseline.Batch> batches = new ArrayList<>();
        for (int from = 0; from < records.size(); from += size) {
            List<BatchProjector.Input> inputs = new ArrayList<>();
            List<DedupeRepository.Claim> claims = new ArrayList<>();
            for (ProducerRecord<String, byte[]> r : records.subList(from, Math.min(records.size(), from + size))) {
                String dedupe = new String(r.headers().lastHeader(CallbackHeaders.DEDUPE_ID).value(), StandardCharsets.UTF_8);
                var event = parser.parse(r.value());
                inputs.add(new BatchProjector.Input(event, dedupe, 0, r.value()));
                claims.add(new DedupeRepository.Claim(dedupe, event.eventType()));
            }
            ProjectionPlan plan = projector.plan(inputs, Map.of());
            Map<String, MediaUpsert.Stored> stored = new HashMap<>();
            plan.media().forEach(m -> stored.put(m.fileId(), new MediaUpsert.Stored(m.fileId(), m.userId(),
                    m.attribution().name(), null, m.status(), m.taskId(), true)));
            List<TaskUpsert.Changed> changed = plan.tasks().stream()
                    .map(t -> new TaskUpsert.Changed(t.taskId(), t.fileId(), t.status(), t.statusRank(), t.progress())).toList();
            batches.add(new JdbcUnnestBaseline.Batch(claims, plan, events.events(plan, stored, changed)));
        }
        return batches;
    }
}
