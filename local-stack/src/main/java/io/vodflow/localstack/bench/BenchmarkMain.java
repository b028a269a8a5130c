package io.vodflow.localstack.bench;

import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.localstack.fleet.ServiceModule;
import io.vodflow.localstack.fleet.ServiceProcess;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar local-stack.jar bench signer|ingress|processor [--seconds N] [--connections N]}: starts fresh
 * embedded Kafka and Postgres, the service jar under test and the bare endpoint, and prints Markdown tables.
 */
public final class BenchmarkMain {
    private static final String BARE = "bare WebFlux";
    private static final String INGRESS_OUTCOMES = "vodflow_ingress_callbacks_total";
    private BenchmarkMain() { }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench signer|ingress|processor [--seconds N] [--connections N] [--root DIR]");
            System.exit(2);
        }
        String target = args[0];
        int seconds = intOption(args, "--seconds", 15);
        int connections = intOption(args, "--connections", 64);
        Path root = Path.of(stringOption(args, "--root", ".")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve(".vodflow").resolve("bench"));
        PrintStream out = System.out;
        out.printf("machine: %d cores, %s; java %s%n", Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.version"));
        try (PrintStream serviceLog = new PrintStream(new FileOutputStream(logs.resolve(target + "-services.log").toFile()), true);
             BenchmarkEnvironment env = new BenchmarkEnvironment(root, serviceLog)) {
            HttpBenchmark http = new HttpBenchmark(out, connections, Duration.ofSeconds(seconds));
            switch (target) {
                case "signer" -> signer(env, http);
                case "ingress" -> ingress(env, http);
                case "processor" -> new ProcessorBenchmark(env, out).run(seconds);
                default -> throw new IllegalArgumentException("unknown benchmark " + target);
            }
        }
        System.exit(0);
    }

    private static void signer(BenchmarkEnvironment env, HttpBenchmark http) throws Exception {
        // one user with the per-user rate limit off: the benchmark measures signing and persistence, not the limiter
        ServiceProcess signer = env.start(ServiceModule.SIGNER, Map.of("VODFLOW_SIGNER_LIMITS_RATELIMITENABLED", "false"));
        ServiceProcess bare = env.startBareEndpoint();
        String jwt = DevJwt.mint(env.dev.jwtSecret(), "bench-user", List.of(), Duration.ofHours(2));
        HttpLoadRequest issue = new HttpLoadRequest(signer.baseUrl() + "/v1/upload-signatures",
                "{\"procedure\":\"LongVideoPreset\",\"context\":\"bench __N__\"}", Map.of("Authorization", "Bearer " + jwt));
        http.compare("signer POST /v1/upload-signatures", issue, signer.baseUrl(),
                Map.of(BARE, issue.at(bare.baseUrl() + BareEndpointApplication.PATH)));
    }

    private static void ingress(BenchmarkEnvironment env, HttpBenchmark http) throws Exception {
        // the SignKey check stays on, as in production: every callback carries Sign/T
        ServiceProcess ingress = env.start(ServiceModule.INGRESS, Map.of());
        ServiceProcess bare = env.startBareKafkaEndpoint();
        HttpLoadRequest push = new HttpLoadRequest(ingress.baseUrl() + "/v1/vod/callbacks",
                CallbackTemplates.signed(CallbackTemplates.PROCEDURE_FINISH, env.dev.callbackSignKey()), Map.of());
        Map<String, HttpLoadRequest> baselines = new LinkedHashMap<>();
        baselines.put(BARE, push.at(bare.baseUrl() + BareEndpointApplication.PATH));
        baselines.put("bare WebFlux + Kafka ack", push.at(bare.baseUrl() + BareKafkaRoute.PATH));
        http.compare("ingress POST /v1/vod/callbacks", push, ingress.baseUrl(), baselines);
        // a 200 may also mean "kept in the fallback store": say where the acknowledged callbacks went
        String metrics = PrometheusText.fetch(ingress.baseUrl());
        System.out.printf("ingress outcomes over the whole run: %,.0f acknowledged by Kafka, %,.0f kept in the fallback store%n",
                PrometheusText.sum(metrics, INGRESS_OUTCOMES, "outcome", "accepted"),
                PrometheusText.sum(metrics, INGRESS_OUTCOMES, "outcome", "fallback"));
    }

    static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(stringOption(args, name, String.valueOf(fallback)));
    }

    static String stringOption(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
