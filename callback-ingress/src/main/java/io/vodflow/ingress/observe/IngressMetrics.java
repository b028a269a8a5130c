package io.vodflow.ingress.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The ingress's meters: {@code vodflow.ingress.callbacks} by outcome (accepted, fallback, rejected,
 * unavailable) and reason, the Kafka ack latency timer, relay and puller counters. Hot-path meters are
 * created once, so counting costs no registry lookup.
 */
public final class IngressMetrics {
    public static final String CALLBACKS = "vodflow.ingress.callbacks";
    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter fallback;
    private final Counter refusedByKafka;
    private final Counter unavailable;
    private final Counter relayed;
    private final Counter previousSignKey;
    private final Timer kafkaAck;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> pulled = new ConcurrentHashMap<>();

    public IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = outcome("accepted", "none");
        this.fallback = outcome("fallback", "kafka_unavailable");
        this.refusedByKafka = outcome("fallback", "kafka_refused");
        this.unavailable = outcome("unavailable", "kafka_and_fallback_unavailable");
        this.relayed = Counter.builder("vodflow.ingress.fallback.relayed")
                .description("Stored callbacks re-published to Kafka").register(registry);
        this.previousSignKey = Counter.builder("vodflow.ingress.callbacks.previous.sign.key")
                .description("Push callbacks signed with the SignKey being rotated out: once it stops rising, drop that key")
                .register(registry);
        this.kafkaAck = Timer.builder("vodflow.ingress.kafka.ack")
                .description("Time from send to Kafka acknowledgement (acks=all)")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
    }

    private Counter outcome(String outcome, String reason) {
        return Counter.builder(CALLBACKS).description("Push callbacks by outcome")
                .tag("outcome", outcome).tag("reason", reason).register(registry);
    }

    public void accepted() { accepted.increment(); }

    public void fallback() { fallback.increment(); }

    /** A callback kept in the fallback store because Kafka refuses the record itself (Kafka is up). */
    public void refusedByKafka() { refusedByKafka.increment(); }

    public void unavailable() { unavailable.increment(); }

    /** A callback refused with a 4xx; reason is a short snake_case word (malformed, too_large, signature_expired...). */
    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> outcome("rejected", r)).increment();
    }

    public void signedWithPreviousKey() { previousSignKey.increment(); }

    public void kafkaAck(long nanos) { kafkaAck.record(nanos, TimeUnit.NANOSECONDS); }

    public void relayed(long count) { relayed.increment(count); }

    /** Reliable-mode events by stage (pulled, published, confirmed, confirm_failed). */
    public void pulled(String stage, int count) {
        pulled.computeIfAbsent(stage, s -> Counter.builder("vodflow.ingress.pull.events")
                .description("Reliable-callback events by stage").tag("stage", s.toLowerCase(Locale.ROOT)).register(registry))
                .increment(count);
    }

    /** Registers a gauge read from a live object (backlog, puller lag). */
    public <T> void gauge(String name, String description, T target, ToDoubleFunction<T> value) {
        io.micrometer.core.instrument.Gauge.builder(name, target, value).description(description).register(registry);
    }
}
