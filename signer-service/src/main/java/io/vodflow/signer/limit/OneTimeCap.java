package io.vodflow.signer.limit;

import io.vodflow.signer.config.SignerProperties;
import io.vodflow.signer.record.SignatureRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Caps the unused, unexpired one-time signatures a user holds. Counted in Postgres so it holds across instances;
 * requests racing each other may overshoot by the number in flight, which is why it is a cap and not a quota.
 */
@Component
public class OneTimeCap {
    private final int cap;
    private final SignatureRepository repository;

    public OneTimeCap(SignerProperties props, SignatureRepository repository) {
        this.cap = props.limits().maxOutstandingOneTime();
        this.repository = repository;
    }

    /** Completes when the user may take one more one-time signature, else errors with {@link OneTimeCapReachedException}. */
    public Mono<Void> check(String userId, boolean oneTime) {
        if (!oneTime || cap == 0) {
            return Mono.empty();
        }
        return repository.countOutstandingOneTime(userId)
                .flatMap(n -> n >= cap ? Mono.error(new OneTimeCapReachedException(cap)) : Mono.<Void>empty());
    }
}
