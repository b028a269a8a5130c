package io.vodflow.processor.live;

import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what arrives, asking for {@code initial} items at first and then only when told, like a slow client. */
final class Recorder<T> extends BaseSubscriber<T> {
    final List<T> items = new CopyOnWriteArrayList<>();
    private final long initial;
    volatile boolean completed;
    volatile Throwable error;

    Recorder(long initial) {
        this.initial = initial;
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        if (initial > 0) {
            request(initial);
        }
    }

    @Override
    protected void hookOnNext(T item) {
        items.add(item);
    }

    @Override
    protected void hookOnError(Throwable failure) {
        error = failure;
    }

    @Override
    protected void hookOnComplete() {
        completed = true;
    }
}
