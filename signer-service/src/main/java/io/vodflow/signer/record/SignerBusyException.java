package io.vodflow.signer.record;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Too many rows are already waiting for the database: 503 with Retry-After, rather than unbounded queueing. */
public class SignerBusyException extends ErrorResponseException {
    public SignerBusyException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The signer is saturated; retry shortly");
        p.setTitle("Signer busy");
        return p;
    }
}
