package io.vodflow.signer.issue;

import io.vodflow.signer.record.SignatureState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The signature an Idempotency-Key was first used for can no longer upload anything (revoked, expired, or a used
 * one-time one): 409 naming its state, instead of a replay that VOD would refuse at upload.
 */
public class IdempotencyKeySpentException extends ErrorResponseException {
    /** The rule of this refusal, in the problem and the refusal metric. */
    public static final String RULE = "idempotency.spent";

    public IdempotencyKeySpentException(SignatureState state) {
        super(HttpStatus.CONFLICT, problem(state), null);
    }

    private static ProblemDetail problem(SignatureState state) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The signature first issued for this "
                + "Idempotency-Key is " + state + " and cannot be used for an upload; use a new key for a new signature");
        p.setTitle("Idempotency-Key already spent");
        p.setProperty("rule", RULE);
        p.setProperty("state", state.name());
        return p;
    }
}
