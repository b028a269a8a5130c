package io.vodflow.signer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Micrometer meters of the signer: issued, replayed, refused by reason, rate-limited, and the issue latency. */
@Component
public class SignerMetrics {
    private final MeterRegistry registry;
    private final Counter issued;
    private final Counter rateLimited;
    private final Counter replayed;
    private final Timer issueTimer;

    public SignerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.issued = Counter.builder("vodflow.signer.issued").description("Signatures issued and recorded").register(registry);
        this.rateLimited = Counter.builder("vodflow.signer.rate.limited").description("Requests refused by the per-user rate limit")
                .register(registry);
        this.replayed = Counter.builder("vodflow.signer.replayed")
                .description("Retries with a known Idempotency-Key answered with the signature first issued").register(registry);
        this.issueTimer = Timer.builder("vodflow.signer.issue").description("Time to issue one signature, row written")
                .publishPercentileHistogram().register(registry);
    }

    public void issued() {
        issued.increment();
    }

    public void replayed() {
        replayed.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
        refused("rate-limit");
    }

    /** A refusal; {@code reason} is the rule id (a short fixed vocabulary, safe as a tag). */
    public void refused(String reason) {
        Counter.builder("vodflow.signer.refused").description("Signature requests refused, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    public Timer issueTimer() {
        return issueTimer;
    }
}
