package io.vodflow.kit.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A problem answer raised as an exception: a status, a title and a detail, rendered as problem JSON. */
public final class ProblemException {
    private ProblemException() { }

    /** The exception answering {@code status} with this title and detail. */
    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return new ErrorResponseException(status, p, null);
    }
}
