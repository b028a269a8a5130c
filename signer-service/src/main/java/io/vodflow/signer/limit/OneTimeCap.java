package io.vodflow.signer.limit;

import io.vodflow.signer.config.SignerProperties;
import io.vodflow.signer.record.SignatureRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Caps the unused, unexpired one-time signatures a user holds, counted in Postgres so it holds across instances.
 * This check refuses early and cheaply; the exact one is {@link io.vodflow.signer.record.CappedOneTimeWriter},
 * which counts again under a per-user lock as it inserts.
 */
@Component
public class OneTimeCap {
    private final int cap;
    private final SignatureRepository repository;
    private final Clock clock;

    public OneTimeCap(SignerProperties props, SignatureRepository repository, Clock clock) {
        this.cap = props.limits().maxOutstandingOneTime();
        this.repository = repository;
        this.clock = clock;
    }

    /** True when {@code oneTime} rows must go through the capped writer. */
    public boolean applies(boolean oneTime) {
        return oneTime && cap > 0;
    }

    /** The most unused one-time signatures a user may hold (0 = no cap). */
    public int cap() {
        return cap;
    }

    /** Completes when the user may take one more one-time signature, else errors with {@link OneTimeCapReachedException}. */
    public Mono<Void> check(String userId, boolean oneTime) {
        if (!oneTime || cap == 0) {
            return Mono.empty();
        }
        return repository.outstandingOneTime(userId).flatMap(held -> held.held() >= cap
                ? Mono.error(OneTimeCapReachedException.of(cap, held, clock.instant())) : Mono.<Void>empty());
    }
}
