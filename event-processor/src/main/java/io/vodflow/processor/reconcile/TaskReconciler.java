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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heals tasks whose callbacks were lost (push mode drops after 3 attempts): tasks not FINISHed and idle for
 * reconcile.after are looked up with DescribeTaskDetail in their sub-application, and VOD's answer is fed into
 * vod.callbacks as a ProcedureStateChanged, keyed by FileId, so it takes the normal, ordered and idempotent path.
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
    private final Counter failed;

    public TaskReconciler(StaleTaskRepository tasks, VodTaskClient vod, RecordSender sender, ProcessorProperties.Reconcile props,
                          Scheduler blocking, MeterRegistry meters) {
        this.tasks = tasks;
        this.vod = vod;
        this.sender = sender;
        this.props = props;
        this.blocking = blocking;
        this.reconciled = Counter.builder("vodflow.processor.reconciled")
                .description("Task states fetched with DescribeTaskDetail and fed back").register(meters);
        this.failed = Counter.builder("vodflow.processor.reconcile.failures")
                .description("DescribeTaskDetail calls that failed (retried at the next recheck)").register(meters);
    }

    /** One round: returns how many task states were fed back. */
    public Mono<Integer> reconcileOnce() {
        return tasks.claim(props.after(), props.recheck(), props.batchSize())
                .concatMap(task -> {
                    long subAppId = task.subAppId() != null ? task.subAppId() : props.subAppId();
                    return Mono.fromCallable(() -> vod.procedureStateChanged(task.taskId(), subAppId))
                            .subscribeOn(blocking)
                            .timeout(props.requestTimeout().multipliedBy(2))
                            .flatMap(body -> body.map(b -> sender.sendAll(List.of(new OutgoingRecord(VodTopics.CALLBACKS,
                                    task.fileId() != null ? task.fileId() : task.taskId(), b, headers(subAppId))))
                                    .thenReturn(1)).orElse(Mono.just(0)))
                            .onErrorResume(e -> {
                                failed.increment();
                                log.atWarn().addKeyValue("taskId", task.taskId()).addKeyValue("subAppId", subAppId)
                                        .addKeyValue("error", e.getMessage()).log("task reconciliation failed; retried next round");
                                return Mono.just(0);
                            });
                })
                .reduce(0, Integer::sum)
                .doOnNext(reconciled::increment);
    }

    private static Map<String, String> headers(long subAppId) {
        Map<String, String> headers = new HashMap<>(Map.of(CallbackHeaders.SOURCE, SOURCE,
                CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis())));
        if (subAppId > 0) {
            headers.put(CallbackHeaders.SUB_APP, Long.toString(subAppId));
        }
        return headers;
    }

    @Override
    protected Disposable subscribe() {
        // a round may outlast the interval: drop ticks rather than fail the loop with an overflow
        return Flux.interval(props.interval()).onBackpressureDrop()
                .concatMap(t -> reconcileOnce().onErrorResume(e -> Mono.just(0)), 1)
                .subscribe();
    }
}
