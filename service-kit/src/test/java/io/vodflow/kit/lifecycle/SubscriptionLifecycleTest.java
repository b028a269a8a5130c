package io.vodflow.kit.lifecycle;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Start subscribes, stop disposes, and "running" follows the subscription. */
class SubscriptionLifecycleTest {

    @Test
    void runsFromStartUntilStop() {
        AtomicBoolean cancelled = new AtomicBoolean();
        SubscriptionLifecycle job = new SubscriptionLifecycle() {
            @Override
            protected Disposable subscribe() {
                return Flux.interval(Duration.ofHours(1)).doOnCancel(() -> cancelled.set(true)).subscribe();
            }
        };
        assertThat(job.isRunning()).isFalse();

        job.start();
        assertThat(job.isRunning()).isTrue();

        job.stop();
        assertThat(job.isRunning()).isFalse();
        assertThat(cancelled).isTrue();
    }

    @Test
    void aJobWithNothingToRunIsNotRunningAndStopsQuietly() {
        SubscriptionLifecycle idle = new SubscriptionLifecycle() {
            @Override
            protected Disposable subscribe() {
                return Disposables.disposed();
            }
        };

        idle.start();

        assertThat(idle.isRunning()).isFalse();
        idle.stop();
        assertThat(idle.isRunning()).isFalse();
    }
}
