package io.vodflow.signer.record;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The row could not be written (database down, slow or refusing), so no signature is handed out: 503 with
 * Retry-After. The cause stays server-side; its message could name tables or hosts.
 */
public class SignatureStoreUnavailableException extends ErrorResponseException {
    public SignatureStoreUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The signature could not be recorded, so none was issued; retry shortly");
        p.setTitle("Signature store unavailable");
        return p;
    }
}
