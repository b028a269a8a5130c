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
    static final int STEADY_RATE = 2_000;
    private final BenchmarkEnvironment env;
    private final PrintStream out;

    ProcessorBenchmark(BenchmarkEnvironment env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    void run(int seconds) throws Exception {
        PostgresDatabase db = env.infra().database();
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        SourceContextCodec contexts = SourceContextCodec.derivedFrom(env.dev.jwtSecret());
        UUID[] signatures = BenchRows.insertSignatures(db, FILES, env.dev.secretId());
        env.infra().kafka().createTopic("vod.callbacks", 6);

        long t0 = System.nanoTime();
        int events = TopicFiller.fill(env.infra().kafka().bootstrapServers(), FILES, n -> new byte[][] {
                body(CallbackTemplates.NEW_FILE_UPLOAD, n).replace("__SC__", contexts.issue(signatures[n])).getBytes(StandardCharsets.UTF_8),
                body(CallbackTemplates.PROCEDURE_FINISH, n).getBytes(StandardCharsets.UTF_8)});
        out.printf("pre-filled vod.callbacks with %,d events (%,d files) in %d ms%n", events, FILES, (System.nanoTime() - t0) / 1_000_000);

        ServiceProcess processor = env.start(ServiceModule.PROCESSOR, Map.of("VODFLOW_PROCESSOR_GROUP_ID", "bench-" + UUID.randomUUID()));
        DrainWatch.Result drain = DrainWatch.await(db, events, Duration.ofMinutes(10));
        double drainRate = events / drain.seconds();
        double jdbcRate = BenchRows.rawUnnestUpsert(db, FILES);

        ServiceProcess ingress = env.start(ServiceModule.INGRESS, Map.of());
        PrometheusHistogram before = PrometheusHistogram.scrape(processor.baseUrl(), E2E);
        int count = STEADY_RATE * seconds;
        LoadReport steady = CallbackLoad.runAndWait(LoadPlan.of(URI.create(ingress.baseUrl() + "/v1/vod/callbacks"), count, 256,
                        i -> body(CallbackTemplates.PROCEDURE_FINISH, FILES + 1 + i).getBytes(StandardCharsets.UTF_8))
                .withRate(STEADY_RATE).withMaxDuration(Duration.ofSeconds(seconds + 30)));
        DrainWatch.await(db, events + (int) steady.succeeded(), Duration.ofMinutes(2));
        PrometheusHistogram e2e = PrometheusHistogram.scrape(processor.baseUrl(), E2E).since(before);

        out.println();
        out.println("| measurement | result |\n|---|---|");
        out.printf("| drain of a pre-filled topic (%,d events, %,d files, attributed uploads + FINISH) | %,.0f events/s |%n", events, FILES, drainRate);
        out.printf("| raw JDBC UNNEST upsert of the same media + processed_event rows, 500 events per transaction | %,.0f events/s |%n", jdbcRate);
        out.printf("| processor / raw JDBC | %.2fx |%n", drainRate / jdbcRate);
        out.printf("| steady %,d callbacks/s through the ingress for %d s: sent / ok | %,d / %,d |%n", STEADY_RATE, seconds,
                steady.sent(), steady.succeeded());
        out.printf("| end-to-end (ingress receive → processor commit), %,.0f samples: p50 / p99 | %.1f ms / %.1f ms |%n",
                e2e.count(), e2e.quantileMillis(0.5), e2e.quantileMillis(0.99));
    }

    static final String E2E = "vodflow_processor_end_to_end_latency_seconds";

    private String body(String template, int n) {
        return CallbackTemplates.signed(template, env.dev.callbackSignKey()).replace("__N__", String.valueOf(1_000_000_000L + n));
    }
}
