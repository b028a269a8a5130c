package io.vodflow.localstack.bench;

import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.emulator.load.CallbackLoad;
import io.vodflow.emulator.load.LoadPlan;
import io.vodflow.emulator.load.LoadReport;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.localstack.fleet.ServiceModule;
import io.vodflow.localstack.fleet.ServiceProcess;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flywaydb.core.Flyway;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The processor's figures: drain rate of a pre-filled {@code vod.callbacks} into Postgres, the same rows upserted
 * with raw JDBC UNNEST in the same run, and end-to-end latency (ingress receive → commit) at a steady rate.
 */
final class ProcessorBenchmark {
    static final int FILES = 75_000;
    static final int WARM_FILES = 20_000;
    static final int WARM_STEADY_SECONDS = 20;
    static final int WARM_ROUND_SECONDS = 10;
    static final int WARM_MAX_ROUNDS = 24;
    static final int STEADY_RATE = 2_000;
    private final BenchmarkEnvironment env;
    private final PrintStream out;
    private final SourceContextCodec contexts;
    private UUID[] signatures;
    /** Number of the next fresh file the callbacks through the ingress use, so no two callbacks are alike. */
    private int nextFile = WARM_FILES + FILES + 1;
    /** Records acknowledged into vod.callbacks so far (written directly or through the ingress). */
    private long acknowledged;

    ProcessorBenchmark(BenchmarkEnvironment env, PrintStream out) {
        this.env = env;
        this.out = out;
        this.contexts = SourceContextCodec.derivedFrom(env.dev.jwtSecret());
    }

    void run(int seconds) throws Exception {
        PostgresDatabase db = env.infra().database();
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        signatures = BenchRows.insertSignatures(db, WARM_FILES + FILES, env.dev.secretId());
        env.infra().kafka().createTopic("vod.callbacks", 6);
        ServiceProcess processor = env.start(ServiceModule.PROCESSOR, Map.of("VODFLOW_PROCESSOR_GROUP_ID", "bench-" + UUID.randomUUID()));
        ServiceProcess ingress = env.start(ServiceModule.INGRESS, Map.of());
        URI callbacks = URI.create(ingress.baseUrl() + "/v1/vod/callbacks");

        // Warm-up, not measured: a backlog, then full-rate rounds through the ingress until two agree within 5%
        // (the JIT of the ingress, the broker and the load client, not only of the processor, decides the steady
        // run's latency: with a cold ingress the steady run measured its compiler), then a steady stream
        out.println("warming up the processor and the ingress ...");
        fill(TopicFiller.records(WARM_FILES, this::bodiesOfFile));
        drained(Duration.ofMinutes(5));
        JitActivity jit = JitActivity.watching(List.of(processor.baseUrl(), ingress.baseUrl()));
        WarmUp.untilSteady(WARM_MAX_ROUNDS, round -> {
            long roundStart = System.nanoTime();
            LoadReport burst = send(callbacks, WARM_ROUND_SECONDS, 0);
            drained(Duration.ofMinutes(5));
            double compiling = jit.busiestSinceLast();
            double wallMillis = (System.nanoTime() - roundStart) / 1e6;
            out.printf("warm-up round %d: %,.0f callbacks/s through the ingress; busiest JIT %,.0f ms of %,.0f%n",
                    round, burst.throughputPerSecond(), compiling, wallMillis);
            return new WarmUp.Sample(burst.throughputPerSecond(), JitActivity.quiet(compiling, wallMillis));
        });
        send(callbacks, WARM_STEADY_SECONDS, STEADY_RATE);
        drained(Duration.ofMinutes(2));

        String metricsBefore = PrometheusText.fetch(processor.baseUrl());
        String ingressBefore = PrometheusText.fetch(ingress.baseUrl());
        LoadReport steady = send(callbacks, seconds, STEADY_RATE);
        drained(Duration.ofMinutes(2));
        String metricsAfter = PrometheusText.fetch(processor.baseUrl());
        PrometheusHistogram acks = PrometheusHistogram.between(ingressBefore, PrometheusText.fetch(ingress.baseUrl()), ACK);
        PrometheusHistogram e2e = PrometheusHistogram.between(metricsBefore, metricsAfter, E2E);
        PrometheusHistogram batches = PrometheusHistogram.between(metricsBefore, metricsAfter, BATCH);
        PrometheusHistogram waits = PrometheusHistogram.between(metricsBefore, metricsAfter, WAIT);

        // The backlog is built first and then written as fast as the broker takes it, while the warm processor runs
        // (it cannot be paused); the drain rate counts only what the processor applies after the last record was
        // written, so the filler's CPU does not count against the processor.
        var backlog = TopicFiller.records(FILES, i -> bodiesOfFile(WARM_FILES + i));
        long t0 = System.nanoTime();
        long events = fill(backlog);
        backlog = null;
        out.printf("filled vod.callbacks with %,d events (%,d files) in %d ms%n", events, FILES, (System.nanoTime() - t0) / 1_000_000);
        DrainWatch.Result drain = drained(Duration.ofMinutes(10));
        double drainRate = drain.records() / drain.seconds();
        double jdbcRate = JdbcRowsBaseline.run(db, Arrays.copyOfRange(signatures, WARM_FILES, WARM_FILES + FILES), FILES);

        out.println();
        out.println("| measurement | result |\n|---|---|");
        out.printf("| drain of a backlog (%,d events, %,d files, attributed uploads + FINISH), warm processor, the last %,d after the fill | %,.0f events/s |%n",
                events, FILES, drain.records(), drainRate);
        out.printf("| raw JDBC UNNEST upsert of the same rows (dedupe, signature, media, task, results, outbox), 500 events per transaction | %,.0f events/s |%n", jdbcRate);
        out.printf("| processor / raw JDBC | %.2fx |%n", drainRate / jdbcRate);
        out.printf("| steady %,d callbacks/s through the ingress for %d s: sent / ok | %,d / %,d |%n", STEADY_RATE, seconds,
                steady.sent(), steady.succeeded());
        out.printf("| during the steady run: callback answer at the load client / the ingress's Kafka ack, p50 / p99 | %.1f / %.1f ms; %.1f / %.1f ms |%n",
                steady.latencyMillisAt(50), steady.latencyMillisAt(99), acks.quantileMillis(0.5), acks.quantileMillis(0.99));
        out.printf("| end-to-end (ingress receive → processor commit), %,.0f samples: p50 / p99 | %.1f ms / %.1f ms |%n",
                e2e.count(), e2e.quantileMillis(0.5), e2e.quantileMillis(0.99));
        out.printf("| during the steady run: batch transactions / mean records per batch / batch p50 / p99 | %,.0f / %.1f / %.1f ms / %.1f ms |%n",
                batches.count(), e2e.count() / Math.max(1, batches.count()), batches.quantileMillis(0.5), batches.quantileMillis(0.99));
        out.printf("| during the steady run: age of a batch's oldest record when it starts, p50 / p99 | %.1f ms / %.1f ms |%n",
                waits.quantileMillis(0.5), waits.quantileMillis(0.99));
    }

    /** The upload (with a real sourceContext) and the FINISH callback of file {@code n}. */
    private byte[][] bodiesOfFile(int n) {
        return new byte[][] {
                body(CallbackTemplates.NEW_FILE_UPLOAD, n).replace("__SC__", contexts.issue(signatures[n])).getBytes(StandardCharsets.UTF_8),
                body(CallbackTemplates.PROCEDURE_FINISH, n).getBytes(StandardCharsets.UTF_8)};
    }

    /** FINISH callbacks of fresh files through the ingress for {@code seconds}, at {@code rate}/s (0: as fast as it answers). */
    private LoadReport send(URI callbacks, int seconds, int rate) throws Exception {
        int first = nextFile;
        LoadPlan plan = rate > 0
                ? LoadPlan.of(callbacks, rate * seconds, 256, i -> finish(first + i)).withRate(rate)
                        .withMaxDuration(Duration.ofSeconds(seconds + 30))
                : LoadPlan.of(callbacks, 1_000_000, 64, i -> finish(first + i)).withMaxDuration(Duration.ofSeconds(seconds));
        LoadReport report = CallbackLoad.runAndWait(plan);
        nextFile += (int) report.sent();
        acknowledged += report.succeeded();
        return report;
    }

    /** Writes records straight to vod.callbacks; returns how many. */
    private long fill(List<ProducerRecord<String, byte[]>> records) {
        long written = TopicFiller.send(env.infra().kafka().bootstrapServers(), records);
        acknowledged += written;
        return written;
    }

    /** Waits until the processor has applied everything acknowledged so far. */
    private DrainWatch.Result drained(Duration timeout) throws Exception {
        return DrainWatch.await(env.infra().database(), acknowledged, timeout);
    }

    private byte[] finish(int n) {
        return body(CallbackTemplates.PROCEDURE_FINISH, n).getBytes(StandardCharsets.UTF_8);
    }

    static final String E2E = "vodflow_processor_end_to_end_latency_seconds";
    static final String BATCH = "vodflow_processor_batch_latency_seconds";
    static final String ACK = "vodflow_ingress_kafka_ack_seconds";
    static final String WAIT = "vodflow_processor_batch_wait_seconds";

    private String body(String template, int n) {
        return CallbackTemplates.signed(template, env.dev.callbackSignKey()).replace("__N__", String.valueOf(1_000_000_000L + n));
    }
}
