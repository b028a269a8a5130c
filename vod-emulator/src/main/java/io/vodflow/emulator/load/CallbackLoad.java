package io.vodflow.emulator.load;

import io.vodflow.emulator.callback.CallbackPusher;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small push-callback load generator for benchmarks: runs a {@link LoadPlan} against a loopback receiver and
 * reports throughput and an HdrHistogram of latencies. Pacing is open-loop by schedule but bounded by the
 * concurrency, so a saturated receiver delays later requests (their wait is not counted as latency).
 */
public final class CallbackLoad {

    private CallbackLoad() {
    }

    /** Runs the plan; completes when every request finished or the time bound cut the rest off. */
    public static Mono<LoadReport> run(LoadPlan plan) {
        return Mono.usingWhen(
                Mono.fromSupplier(() -> new CallbackPusher(plan.responseTimeout(), plan.maxConcurrency())),
                pusher -> execute(plan, pusher),
                CallbackPusher::closeAsync);
    }

    /** Runs the plan and waits for the report; for benchmark mains and tests, never on an event loop. */
    public static LoadReport runAndWait(LoadPlan plan) {
        return run(plan).block(plan.maxDuration().plus(plan.responseTimeout()).plusSeconds(10));
    }

    private static Mono<LoadReport> execute(LoadPlan plan, CallbackPusher pusher) {
        Histogram latencies = new ConcurrentHistogram(3);
        AtomicLong sent = new AtomicLong();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return paced(plan, start)
                    .flatMap(i -> Mono.defer(() -> {
                        byte[] body = plan.bodies().apply(i);
                        sent.incrementAndGet();
                        long t0 = System.nanoTime();
                        return pusher.push(plan.target(), body)
                                .doOnNext(status -> {
                                    latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
                                    (status / 100 == 2 ? succeeded : failed).incrementAndGet();
                                })
                                .onErrorResume(e -> {
                                    failed.incrementAndGet();
                                    return Mono.empty();
                                });
                    }), plan.maxConcurrency())
                    .take(plan.maxDuration())
                    .then(Mono.fromSupplier(() -> new LoadReport(sent.get(), succeeded.get(), failed.get(),
                            Duration.ofNanos(System.nanoTime() - start), latencies.copy())));
        });
    }

    private static Flux<Integer> paced(LoadPlan plan, long startNanos) {
        Flux<Integer> indices = Flux.range(0, plan.count());
        if (plan.ratePerSecond() == 0) {
            return indices;
        }
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / plan.ratePerSecond();
        return indices.concatMap(i -> {
            long due = startNanos + i * periodNanos - System.nanoTime();
            return due <= 0 ? Mono.just(i) : Mono.delay(Duration.ofNanos(due)).thenReturn(i);
        });
    }
}
