package io.vodflow.kit.sweep;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A periodic clean-up of a table in chunks: every {@code interval}, statements of at most {@code chunk} rows until
 * one comes back short, so a large backlog never becomes one long transaction. A failed sweep is logged and
 * tried again at the next interval; sweeps never overlap. Counts its rows ({@code vodflow.sweep.rows}) and failed
 * sweeps ({@code vodflow.sweep.failures}), tagged with the sweep's name.
 */
public abstract class ChunkedSweep extends SubscriptionLifecycle {
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final boolean enabled;
    private final Duration interval;
    private final int chunk;
    private final String rowsField;
    private final Counter rows;
    private final Counter failures;

    /**
     * @param name      the sweep's metric tag, e.g. {@code signature-expiry}
     * @param rowsField the log field that counts the rows of a sweep, e.g. {@code expired}
     */
    protected ChunkedSweep(boolean enabled, Duration interval, int chunk, String name, String rowsField,
                           MeterRegistry registry) {
        this.enabled = enabled;
        this.interval = interval;
        this.chunk = chunk;
        this.rowsField = rowsField;
        this.rows = Counter.builder("vodflow.sweep.rows").description("Rows a periodic clean-up changed or deleted")
                .tag("sweep", name).register(registry);
        this.failures = Counter.builder("vodflow.sweep.failures").description("Sweeps that failed (retried next interval)")
                .tag("sweep", name).register(registry);
    }

    /** One statement over at most {@code limit} rows; emits how many rows it changed. */
    protected abstract Mono<Long> chunk(int limit);

    /** One sweep: chunks until a chunk comes back short; emits the rows changed. */
    public Mono<Long> sweepOnce() {
        return timedChunk().expand(n -> n < chunk ? Mono.empty() : timedChunk()).reduce(0L, Long::sum);
    }

    private Mono<Long> timedChunk() {
        return chunk(chunk).timeout(STATEMENT_TIMEOUT).doOnNext(rows::increment);
    }

    @Override
    protected Disposable subscribe() {
        if (!enabled) {
            return Disposables.disposed();
        }
        return Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce().onErrorResume(e -> {
                    failures.increment();
                    log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("sweep failed; retrying next interval");
                    return Mono.just(0L);
                }), 0)
                .filter(n -> n > 0)
                .subscribe(n -> log.atInfo().addKeyValue(rowsField, n).log("sweep done"));
    }
}
