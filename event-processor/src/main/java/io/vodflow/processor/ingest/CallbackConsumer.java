package io.vodflow.processor.ingest;

import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.kafka.CallbackReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.util.retry.Retry;

/** Runs the vod.callbacks consumption for the application's lifetime, rebuilding the receiver after failures. */
public class CallbackConsumer extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CallbackConsumer.class);
    private final CallbackReceiver receiver;
    private final CallbackBatchHandler handler;
    private final ProcessorProperties props;

    public CallbackConsumer(CallbackReceiver receiver, CallbackBatchHandler handler, ProcessorProperties props) {
        this.receiver = receiver;
        this.handler = handler;
        this.props = props;
    }

    @Override
    protected Disposable subscribe() {
        return receiver.consume(handler::handle)
                .doOnError(e -> log.atWarn().addKeyValue("error", e.getClass().getSimpleName())
                        .setCause(e).log("callback consumer failed; restarting"))
                // uncommitted records are re-read by the new consumer; effects are idempotent
                .retryWhen(Retry.backoff(Long.MAX_VALUE, props.restartBackoff()).maxBackoff(props.restartBackoff().multipliedBy(15)))
                .subscribe();
    }

    @Override
    public int getPhase() {
        // start after the web server and the outbox relay, stop before them
        return Integer.MAX_VALUE - 100;
    }
}
