package io.vodflow.ingress.http;

import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.kit.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Bounds the callbacks in flight: past the limit, answer 429 with Retry-After at once instead of queueing. */
public final class InFlightLimitFilter implements WebFilter, Ordered {
    private static final String PREFIX = "/v1/vod/";
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;
    private final String retryAfterSeconds;
    private final ProblemResponses problems;
    private final IngressMetrics metrics;

    public InFlightLimitFilter(int limit, Duration retryAfter, ProblemResponses problems, IngressMetrics metrics) {
        this.limit = limit;
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
        this.problems = problems;
        this.metrics = metrics;
    }

    /** Requests being handled now. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(PREFIX)) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            metrics.rejected("overload");
            exchange.getResponse().getHeaders().set("Retry-After", retryAfterSeconds);
            return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many callbacks in flight",
                    "The ingress is handling " + limit + " callbacks already; retry after " + retryAfterSeconds + " s");
        }
        return chain.filter(exchange).doFinally(s -> inFlight.decrementAndGet());
    }

    @Override
    public int getOrder() {
        // ahead of every other filter: shedding load should cost as little as possible
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
