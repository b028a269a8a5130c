package io.vodflow.kit.lifecycle;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * A background job whose work is one long-running reactive subscription: subscribed when the context starts,
 * disposed when it stops, running while the subscription is alive.
 */
public abstract class SubscriptionLifecycle implements SmartLifecycle {
    private volatile Disposable subscription;

    /** Starts the work and returns its subscription; {@code Disposables.disposed()} when there is nothing to run. */
    protected abstract Disposable subscribe();

    @Override
    public void start() {
        subscription = subscribe();
    }

    @Override
    public void stop() {
        Disposable d = subscription;
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable d = subscription;
        return d != null && !d.isDisposed();
    }
}
