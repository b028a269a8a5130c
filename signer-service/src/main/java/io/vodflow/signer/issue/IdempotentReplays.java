package io.vodflow.signer.issue;

import io.vodflow.signer.policy.SignaturePolicyViolation;
import io.vodflow.signer.record.NewSignature;
import io.vodflow.signer.record.SignatureRecord;
import io.vodflow.signer.record.SignatureRepository;
import io.vodflow.signer.record.SignatureState;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Finds what an Idempotency-Key was first used for, so a retry gets that signature again instead of a second row.
 * A key is the user's own: another user's identical key is a different key.
 */
@Component
public class IdempotentReplays {
    /** The rule a key reused for a request with other fields breaks (422). */
    public static final String REUSED = "idempotency.reused";
    private final SignatureRepository repository;
    private final Clock clock;

    public IdempotentReplays(SignatureRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The row first issued for {@code row}'s user and key, empty when the key is new; a 422 problem when that row
     * was issued for a request with other fields (the key was reused, not retried); a 409 problem when that row can
     * no longer upload anything ({@link IdempotencyKeySpentException}).
     */
    public Mono<NewSignature> original(NewSignature row) {
        return repository.findByIdempotencyKey(row.userId(), row.idempotencyKey()).map(original -> {
            if (!original.requestFingerprint().equals(row.requestFingerprint())) {
                throw new SignaturePolicyViolation(REUSED,
                        "This Idempotency-Key was used for a request with other fields; use a new key for a new request");
            }
            SignatureState state = original.record().effectiveState(clock.instant());
            if (spent(original.record(), state)) {
                throw new IdempotencyKeySpentException(state);
            }
            return original.asInserted();
        });
    }

    /** A reusable signature stays good for uploads after its first one; a one-time one does not. */
    private static boolean spent(SignatureRecord r, SignatureState state) {
        return state == SignatureState.REVOKED || state == SignatureState.EXPIRED
                || (state == SignatureState.USED && r.oneTime());
    }
}
