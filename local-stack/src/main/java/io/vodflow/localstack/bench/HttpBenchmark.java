package io.vodflow.localstack.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures one service endpoint side by side with baselines (the bare WebFlux endpoint, for the ingress also the
 * bare endpoint that awaits a Kafka ack) in the same run: maximum throughput with wrk, then latency with hey at
 * half of each one's own maximum rate.
 */
public final class HttpBenchmark {
    private static final int MAX_WARMUP_ROUNDS = 12;
    private static final Duration WARMUP_ROUND = Duration.ofSeconds(10);
    private final PrintStream out;
    private final int connections;
    private final Duration duration;

    public HttpBenchmark(PrintStream out, int connections, Duration duration) {
        this.out = out;
        this.connections = connections;
        this.duration = duration;
    }

    /** Maximum and half-maximum measurements of one target. */
    public record Measured(LoadResult max, LoadResult half) { }

    /**
     * Warms up and measures {@code service} and each baseline (in order), prints the table and the ratios of the
     * service's maximum to each baseline's.
     */
    public Map<String, Measured> compare(String name, HttpLoadRequest service, String serviceBaseUrl,
                                         Map<String, HttpLoadRequest> baselines) throws Exception {
        Map<String, HttpLoadRequest> targets = new LinkedHashMap<>();
        targets.put(name, service);
        targets.putAll(baselines);
        out.println("warming up " + String.join(", ", targets.keySet()) + " ...");
        // the service's own compiler is watched too (the baselines have no actuator; they settle in a few rounds)
        warmUp(name, service, JitActivity.watching(List.of(serviceBaseUrl)));
        for (Map.Entry<String, HttpLoadRequest> b : baselines.entrySet()) {
            warmUp(b.getKey(), b.getValue(), JitActivity.none());
        }
        Map<String, LoadResult> max = new LinkedHashMap<>();
        for (Map.Entry<String, HttpLoadRequest> t : targets.entrySet()) {
            max.put(t.getKey(), Wrk.run(t.getValue(), connections, duration));
        }
        Map<String, Measured> results = new LinkedHashMap<>();
        for (Map.Entry<String, HttpLoadRequest> t : targets.entrySet()) {
            LoadResult m = max.get(t.getKey());
            results.put(t.getKey(), new Measured(m, Hey.run(t.getValue(), (int) (m.requestsPerSecond() / 2), duration)));
        }
        print(name, results);
        return results;
    }

    private void print(String name, Map<String, Measured> results) {
        List<String> rows = new ArrayList<>();
        rows.add(LoadResult.header());
        results.forEach((target, m) -> rows.add(m.max().row(target, "max (wrk, " + connections + " conns)")));
        results.forEach((target, m) -> rows.add(m.half().row(target,
                String.format("%,d/s (hey, half max)", (int) (m.max().requestsPerSecond() / 2)))));
        out.println();
        rows.forEach(out::println);
        Measured service = results.get(name);
        out.println();
        results.forEach((target, m) -> {
            if (!target.equals(name)) {
                out.printf("%s throughput = %.2fx %s%n", name,
                        service.max().requestsPerSecond() / m.max().requestsPerSecond(), target);
            }
        });
        out.printf("%s p99 at half max = %.2f ms%n", name, service.half().p99Millis());
    }

    /** Warms {@code target} with wrk rounds until the JIT has settled (see {@link WarmUp}). */
    private void warmUp(String name, HttpLoadRequest target, JitActivity jit) throws Exception {
        WarmUp.untilSteady(MAX_WARMUP_ROUNDS, round -> {
            double rate = Wrk.run(target, connections, WARMUP_ROUND).requestsPerSecond();
            double compiling = jit.busiestSinceLast();
            out.printf("  warm-up %s round %d: %,.0f req/s%s%n", name, round, rate,
                    jit.watches() ? String.format("; JIT %,.0f ms", compiling) : "");
            return new WarmUp.Sample(rate, JitActivity.quiet(compiling, WARMUP_ROUND.toMillis()));
        });
    }
}
