package io.vodflow.localstack.bench;

import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.emulator.load.CallbackLoad;
import io.vodflow.emulator.load.LoadPlan;
import io.vodflow.emulator.load.LoadReport;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.localstack.fleet.ServiceModule;
import io.vodflow.localstack.fleet.ServiceProcess;
import org.flywaydb.core.Flyway;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The processor's figures: drain rate of a pre-filled {@code vod.callbacks} into Postgres, the same rows upserted
 * with raw JDBC UNNEST in the same run, and end-to-end latency (ingress receive → commit) at a steady rate.
 */
final class ProcessorBenchmark {
    static final int FILES = 50_000;
    static final int WARM_FILES = 20_000;
    static final int WARM_STEADY_SECONDS = 20;
    static final int STEADY_RATE = 2_000;
    private final BenchmarkEnvironment env;
    private final PrintStream out;
    private final SourceContextCodec contexts;
    private UUID[] signatures;

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

        // Warm-up, not measured: a backlog and a steady stream, so the JIT has compiled both paths of both services
        out.println("warming up the processor and the ingress ...");
        long applied = fill(0, WARM_FILES);
        DrainWatch.await(db, applied, Duration.ofMinutes(5));
        applied += steady(callbacks, WARM_STEADY_SECONDS, 0).succeeded();
        DrainWatch.await(db, applied, Duration.ofMinutes(2));

        String metricsBefore = PrometheusText.fetch(processor.baseUrl());
        LoadReport steady = steady(callbacks, seconds, STEADY_RATE * WARM_STEADY_SECONDS);
        applied += steady.succeeded();
        DrainWatch.await(db, applied, Duration.ofMinutes(2));
        String metricsAfter = PrometheusText.fetch(processor.baseUrl());
        PrometheusHistogram e2e = PrometheusHistogram.of(metricsAfter, E2E).since(PrometheusHistogram.of(metricsBefore, E2E));
        PrometheusHistogram batches = PrometheusHistogram.of(metricsAfter, BATCH).since(PrometheusHistogram.of(metricsBefore, BATCH));

        // The backlog is written while the processor runs: the filler outpaces it, so the processor is never idle,
        // and the filler's share of the CPU during the first seconds only counts against the processor.
        long t0 = System.nanoTime();
        long events = fill(WARM_FILES, FILES);
        out.printf("filled vod.callbacks with %,d events (%,d files) in %d ms%n", events, FILES, (System.nanoTime() - t0) / 1_000_000);
        DrainWatch.Result drain = DrainWatch.await(db, applied + events, Duration.ofMinutes(10));
        double drainRate = events / drain.seconds();
        double jdbcRate = BenchRows.rawUnnestUpsert(db, FILES);

        out.println();
        out.println("| measurement | result |\n|---|---|");
        out.printf("| drain of a backlog (%,d events, %,d files, attributed uploads + FINISH), warm processor | %,.0f events/s |%n", events, FILES, drainRate);
        out.printf("| raw JDBC UNNEST upsert of the same media + processed_event rows, 500 events per transaction | %,.0f events/s |%n", jdbcRate);
        out.printf("| processor / raw JDBC | %.2fx |%n", drainRate / jdbcRate);
        out.printf("| steady %,d callbacks/s through the ingress for %d s: sent / ok | %,d / %,d |%n", STEADY_RATE, seconds,
                steady.sent(), steady.succeeded());
        out.printf("| end-to-end (ingress receive → processor commit), %,.0f samples: p50 / p99 | %.1f ms / %.1f ms |%n",
                e2e.count(), e2e.quantileMillis(0.5), e2e.quantileMillis(0.99));
        out.printf("| during the steady run: batch transactions / mean records per batch / batch p50 / p99 | %,.0f / %.1f / %.1f ms / %.1f ms |%n",
                batches.count(), e2e.count() / Math.max(1, batches.count()), batches.quantileMillis(0.5), batches.quantileMillis(0.99));
    }

    /** Writes uploads + FINISH of files [from, from + files) straight to the topic; returns the events written. */
    private long fill(int from, int files) throws Exception {
        return TopicFiller.fill(env.infra().kafka().bootstrapServers(), files, i -> {
            int n = from + i;
            return new byte[][] {
                    body(CallbackTemplates.NEW_FILE_UPLOAD, n).replace("__SC__", contexts.issue(signatures[n])).getBytes(StandardCharsets.UTF_8),
                    body(CallbackTemplates.PROCEDURE_FINISH, n).getBytes(StandardCharsets.UTF_8)};
        });
    }

    /** FINISH callbacks of fresh files through the ingress at the steady rate; {@code offset} keeps them distinct. */
    private LoadReport steady(URI callbacks, int seconds, int offset) throws Exception {
        int first = WARM_FILES + FILES + 1 + offset;
        return CallbackLoad.runAndWait(LoadPlan.of(callbacks, STEADY_RATE * seconds, 256,
                        i -> body(CallbackTemplates.PROCEDURE_FINISH, first + i).getBytes(StandardCharsets.UTF_8))
                .withRate(STEADY_RATE).withMaxDuration(Duration.ofSeconds(seconds + 30)));
    }

    static final String E2E = "vodflow_processor_end_to_end_latency_seconds";
    static final String BATCH = "vodflow_processor_batch_latency_seconds";

    private String body(String template, int n) {
        return CallbackTemplates.signed(template, env.dev.callbackSignKey()).replace("__N__", String.valueOf(1_000_000_000L + n));
    }
}
