package io.vodflow.signer.record;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Only an unused, unexpired signature can be revoked: 409 naming the state it is in. */
public class SignatureNotRevocableException extends ErrorResponseException {
    public SignatureNotRevocableException(SignatureState state) {
        super(HttpStatus.CONFLICT, problem(state), null);
    }

    private static ProblemDetail problem(SignatureState state) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The signature is " + state + "; only an ISSUED, unexpired signature can be revoked");
        p.setTitle("Signature cannot be revoked");
        p.setProperty("state", state.name());
        return p;
    }
}
