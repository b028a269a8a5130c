package io.vodflow.signer.record;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No signature with this id that the caller may see (another user's looks exactly like a missing one). */
public class SignatureNotFoundException extends ErrorResponseException {
    public SignatureNotFoundException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No upload signature with this id");
        p.setTitle("Signature not found");
        return p;
    }
}
