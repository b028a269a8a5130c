package io.vodflow.ingress.intake;

import io.vodflow.ingress.fallback.FallbackRepository;
import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.ingress.publish.CallbackPublisher;
import io.vodflow.ingress.publish.CallbackRecord;
import io.vodflow.ingress.publish.RecordsRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Makes one callback durable: Kafka within the ack deadline, else the Postgres fallback within its own
 * deadline, else an error (the caller answers 503). While the Kafka breaker is open the order is the other way
 * round. Both deadlines together stay inside VOD's 5 s window.
 */
public final class CallbackIntake {
    private static final Logger log = LoggerFactory.getLogger(CallbackIntake.class);
    /** The least time Kafka gets to ack, however long the request took to arrive. */
    static final Duration MIN_KAFKA_WAIT = Duration.ofMillis(250);
    private final CallbackPublisher publisher;
    private final FallbackRepository fallback;
    private final KafkaAvailability kafka;
    private final IngressMetrics metrics;
    private final Duration ackDeadline;
    private final Duration fallbackDeadline;

    public CallbackIntake(CallbackPublisher publisher, FallbackRepository fallback, KafkaAvailability kafka,
                          IngressMetrics metrics, Duration ackDeadline, Duration fallbackDeadline) {
        this.publisher = publisher;
        this.fallback = fallback;
        this.kafka = kafka;
        this.metrics = metrics;
        this.ackDeadline = ackDeadline;
        this.fallbackDeadline = fallbackDeadline;
    }

    /**
     * Completes with where the callback is now durable, or errors with {@link FallbackUnavailableException}.
     * {@code spent} is what the request already took (reading its body): it comes off the Kafka wait, so a slow
     * body does not push the answer past VOD's window, though Kafka always gets at least {@link #MIN_KAFKA_WAIT}.
     */
    public Mono<Durability> accept(CallbackRecord record, Duration spent) {
        if (kafka.bypassed()) {
            return bypassingKafka(record, spent);
        }
        return toKafka(record, kafkaWait(spent)).onErrorResume(e -> {
            if (e instanceof RecordsRejectedException refused) {
                // Kafka itself is fine: the breaker stays closed, and the row is stored parked, for the operator,
                // as the puller stores a refused event: the relay sending it again would only meet the same refusal
                log.atError().addKeyValue("fileId", record.key()).addKeyValue("reason", refused.reason())
                        .log("kafka refuses this callback itself; keeping it parked in the fallback store");
                return toFallback(record, fallback.storeParked(record, refused.reason()), Durability.FALLBACK_REFUSED_BY_KAFKA);
            }
            kafka.markDown();
            log.atWarn().addKeyValue("fileId", record.key()).addKeyValue("error", e.getClass().getSimpleName())
                    .log("kafka did not ack in time; keeping callback in the fallback store");
            return toFallback(record);
        });
    }

    /**
     * While the breaker is open the fallback store comes first; if it refuses, Kafka still gets the rest of the ack
     * deadline: one slow ack must not turn every callback of the retry interval into a 503 (which VOD does not retry)
     * while the database is down and Kafka has recovered.
     */
    private Mono<Durability> bypassingKafka(CallbackRecord record, Duration spent) {
        long start = System.nanoTime();
        return toFallback(record).onErrorResume(FallbackUnavailableException.class, refused ->
                toKafka(record, kafkaWait(spent.plusNanos(System.nanoTime() - start)))
                        .onErrorMap(e -> refused));
    }

    private Mono<Durability> toKafka(CallbackRecord record, Duration wait) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return publisher.publish(record)
                    .timeout(wait)
                    .then(Mono.fromSupplier(() -> {
                        metrics.kafkaAck(System.nanoTime() - start);
                        kafka.markUp();
                        return Durability.KAFKA;
                    }));
        });
    }

    /** The ack deadline less what the request already spent, within [{@link #MIN_KAFKA_WAIT}, ack deadline]. */
    Duration kafkaWait(Duration spent) {
        Duration left = ackDeadline.minus(spent.isNegative() ? Duration.ZERO : spent);
        Duration floor = MIN_KAFKA_WAIT.compareTo(ackDeadline) < 0 ? MIN_KAFKA_WAIT : ackDeadline;
        return left.compareTo(floor) < 0 ? floor : left;
    }

    private Mono<Durability> toFallback(CallbackRecord record) {
        return toFallback(record, fallback.store(record), Durability.FALLBACK);
    }

    private Mono<Durability> toFallback(CallbackRecord record, Mono<Void> write, Durability durability) {
        return write
                .timeout(fallbackDeadline)
                .thenReturn(durability)
                .onErrorMap(e -> {
                    log.atError().addKeyValue("fileId", record.key()).addKeyValue("error", e.getClass().getSimpleName())
                            .log("fallback store refused the callback");
                    return new FallbackUnavailableException(e);
                });
    }
}
