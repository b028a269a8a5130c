package io.vodflow.processor.query;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403 for a listing the caller's role does not allow (a list by user id reveals no existence, unlike one item). */
public class ForbiddenProblem extends ErrorResponseException {

    public ForbiddenProblem(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        p.setTitle("Forbidden");
        return p;
    }
}
