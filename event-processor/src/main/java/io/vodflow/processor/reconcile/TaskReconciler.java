package io.vodflow.processor.reconcile;

import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.kafka.OutgoingRecord;
import io.vodflow.processor.kafka.RecordSender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.List;
import java.util.Map;

/**
 * Heals tasks whose callbacks were lost (push mode drops after 3 attempts): tasks not FINISHed and idle for
 * reconcile.after are looked up with DescribeTaskDetail and VOD's answer is fed into vod.callbacks as a
 * ProcedureStateChanged, keyed by FileId, so it takes the normal, ordered and idempotent path.
 */
public class TaskReconciler extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TaskReconciler.class);
    /** Value of the vod-source header on records the reconciler writes. */
    public static final String SOURCE = "reconcile";
    private final StaleTaskRepository tasks;
    private final VodTaskClient vod;
    private final RecordSender sender;
    private final ProcessorProperties.Reconcile props;
    private final Scheduler blocking;
    private final Counter reconciled;

    public TaskReconciler(StaleTaskRepository tasks, VodTaskClient vod, RecordSender sender, ProcessorProperties.Reconcile props,
                          Scheduler blocking, MeterRegistry meters) {
        this.tasks = tasks;
        this.vod = vod;
        this.sender = sender;
        this.props = props;
        this.blocking = blocking;
        this.reconciled = Counter.builder("vodflow.processor.reconciled")
                .description("Task states fetched with DescribeTaskDetail and fed back").register(meters);
    }

    /** One round: returns how many task states were fed back. */
    public Mono<Integer> reconcileOnce() {
        return tasks.claim(props.after(), props.recheck(), props.batchSize())
                .concatMap(task -> Mono.fromCallable(() -> vod.procedureStateChanged(task.taskId()))
                        .subscribeOn(blocking)
                        .timeout(props.requestTimeout().multipliedBy(2))
                        .flatMap(body -> body.map(b -> sender.sendAll(List.of(new OutgoingRecord(VodTopics.CALLBACKS,
                                task.fileId() != null ? task.fileId() : task.taskId(), b,
                                Map.of(CallbackHeaders.SOURCE, SOURCE, CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis())))))
                                .thenReturn(1)).orElse(Mono.just(0)))
                        .onErrorResume(e -> {
                            log.atWarn().addKeyValue("taskId", task.taskId()).addKeyValue("error", e.getMessage())
                                    .log("task reconciliation failed; retried next round");
                            return Mono.just(0);
                        }))
                .reduce(0, Integer::sum)
                .doOnNext(reconciled::increment);
    }

    @Override
    protected Disposable subscribe() {
        // a round may outlast the interval: drop ticks rather than fail the loop with an overflow
        return Flux.interval(props.interval()).onBackpressureDrop()
                .concatMap(t -> reconcileOnce().onErrorResume(e -> Mono.just(0)), 1)
                .subscribe();
    }
}
