package io.vodflow.processor.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem answers of the admin endpoints: a status, a title and a detail. */
final class AdminProblem {
    private AdminProblem() { }

    static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return new ErrorResponseException(status, p, null);
    }
}
