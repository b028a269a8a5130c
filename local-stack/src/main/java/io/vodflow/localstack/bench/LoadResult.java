package io.vodflow.localstack.bench;

/** What one load run measured: throughput, latency percentiles in milliseconds and non-2xx answers. */
public record LoadResult(String tool, double requestsPerSecond, double p50Millis, double p99Millis, long requests,
                         long errors) {

    /** One Markdown table row. */
    public String row(String target, String load) {
        return String.format("| %s | %s | %,.0f | %.2f | %.2f | %,d | %,d |", target, load, requestsPerSecond, p50Millis,
                p99Millis, requests, errors);
    }

    public static String header() {
        return "| target | load | req/s | p50 ms | p99 ms | requests | non-2xx/errors |\n|---|---|---|---|---|---|---|";
    }
}
