package io.vodflow.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Replays a round of requests many times over one keep-alive HTTP/1.1 connection, as a client that reuses its
 * connection would, and reports every request that went unanswered within the timeout or got another status.
 */
public final class KeepAliveReplay {
    private final String base;
    private final List<Step> steps = new ArrayList<>();

    /** One request of the round and the status it must get. */
    private record Step(String name, Function<HttpRequest.Builder, HttpRequest.Builder> request, int status) { }

    public KeepAliveReplay(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public KeepAliveReplay get(String path, int status) {
        return step("GET " + path, b -> b.uri(URI.create(base + path)), status);
    }

    /** A request built by {@code request} from a builder already pointed at the server. */
    public KeepAliveReplay step(String name, Function<HttpRequest.Builder, HttpRequest.Builder> request, int status) {
        steps.add(new Step(name, request, status));
        return this;
    }

    /** The server root, for steps that build their own URI. */
    public String base() {
        return base;
    }

    /** Runs {@code rounds} rounds; the result lists "round step: what went wrong", empty when all were answered. */
    public List<String> run(int rounds, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Step step : steps) {
                HttpRequest request = step.request().apply(HttpRequest.newBuilder().timeout(timeout)).build();
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != step.status()) {
                        failures.add(round + " " + step.name() + ": status " + status);
                    }
                } catch (HttpTimeoutException e) {
                    failures.add(round + " " + step.name() + ": no answer in " + timeout.toMillis() + " ms");
                }
            }
        }
        return failures;
    }
}
