package io.vodflow.ingress.fallback;

import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the stored and parked callbacks now and then, for the gauges and health; remembers whether the store answers. */
public final class FallbackBacklog extends SubscriptionLifecycle {
    private final FallbackRepository repository;
    private final Duration refresh;
    private final AtomicLong backlog = new AtomicLong(-1);
    private final AtomicLong parked = new AtomicLong(-1);
    private volatile boolean reachable = true;
    private volatile Instant lastCheck;

    public FallbackBacklog(FallbackRepository repository, Duration refresh) {
        this.repository = repository;
        this.refresh = refresh;
    }

    /** Stored callbacks at the last count; -1 before the first count. */
    public long backlog() {
        return backlog.get();
    }

    /** Parked callbacks (Kafka refused them) at the last count; -1 before the first count. */
    public long parked() {
        return parked.get();
    }

    /** Whether the last count reached the database. */
    public boolean reachable() {
        return reachable;
    }

    /** When the store was last counted. */
    public Instant lastCheck() {
        return lastCheck;
    }

    @Override
    protected Disposable subscribe() {
        return Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> repository.counts().timeout(refresh.plusSeconds(5))
                        .doOnNext(n -> {
                            backlog.set(n.waiting());
                            parked.set(n.parked());
                            reachable = true;
                        })
                        .onErrorResume(e -> {
                            reachable = false;
                            return Mono.empty();
                        })
                        .doFinally(s -> lastCheck = Instant.now()), 1)
                .subscribe();
    }
}
