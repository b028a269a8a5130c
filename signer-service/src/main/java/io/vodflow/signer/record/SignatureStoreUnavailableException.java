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
        this(cause, "The signature could not be recorded, so none was issued; retry shortly");
    }

    /** The signer's database failed some other operation; {@code detail} says what did not happen. */
    public SignatureStoreUnavailableException(Throwable cause, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        p.setTitle("Signature store unavailable");
        return p;
    }
}
