package io.vodflow.localstack.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one service endpoint side by side with the bare WebFlux endpoint in the same run: maximum
 * throughput with wrk, then latency with hey at half of each one's maximum rate.
 */
public final class HttpBenchmark {
    private static final int MAX_WARMUP_ROUNDS = 8;
    private static final Duration WARMUP_ROUND = Duration.ofSeconds(10);
    private final PrintStream out;
    private final int connections;
    private final Duration duration;

    public HttpBenchmark(PrintStream out, int connections, Duration duration) {
        this.out = out;
        this.connections = connections;
        this.duration = duration;
    }

    /** The four measurements and the headline ratio. */
    public record Comparison(LoadResult serviceMax, LoadResult bareMax, LoadResult serviceHalf, LoadResult bareHalf) {
        public double throughputRatio() {
            return serviceMax.requestsPerSecond() / bareMax.requestsPerSecond();
        }
    }

    public Comparison compare(String name, HttpLoadRequest service, HttpLoadRequest bare) throws Exception {
        out.println("warming up " + name + " and the bare endpoint ...");
        warmUp(name, service);
        warmUp("bare WebFlux", bare);
        LoadResult serviceMax = Wrk.run(service, connections, duration);
        LoadResult bareMax = Wrk.run(bare, connections, duration);
        LoadResult serviceHalf = Hey.run(service, (int) (serviceMax.requestsPerSecond() / 2), duration);
        LoadResult bareHalf = Hey.run(bare, (int) (bareMax.requestsPerSecond() / 2), duration);
        Comparison c = new Comparison(serviceMax, bareMax, serviceHalf, bareHalf);
        List<String> rows = new ArrayList<>();
        rows.add(LoadResult.header());
        rows.add(serviceMax.row(name, "max (wrk, " + connections + " conns)"));
        rows.add(bareMax.row("bare WebFlux", "max (wrk, " + connections + " conns)"));
        rows.add(serviceHalf.row(name, String.format("%,d/s (hey, half max)", (int) (serviceMax.requestsPerSecond() / 2))));
        rows.add(bareHalf.row("bare WebFlux", String.format("%,d/s (hey, half max)", (int) (bareMax.requestsPerSecond() / 2))));
        out.println();
        rows.forEach(out::println);
        out.printf("%n%s throughput = %.2fx the bare endpoint; p99 at half max = %.2f ms%n", name, c.throughputRatio(),
                serviceHalf.p99Millis());
        return c;
    }

    /** Warms {@code target} with wrk rounds until the JIT has settled (see {@link WarmUp}). */
    private void warmUp(String name, HttpLoadRequest target) throws Exception {
        WarmUp.untilSteady(MAX_WARMUP_ROUNDS, round -> {
            double rate = Wrk.run(target, connections, WARMUP_ROUND).requestsPerSecond();
            out.printf("  warm-up %s round %d: %,.0f req/s%n", name, round, rate);
            return rate;
        });
    }
}
