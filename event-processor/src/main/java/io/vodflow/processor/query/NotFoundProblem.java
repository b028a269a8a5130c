package io.vodflow.processor.query;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for a resource that does not exist or that the caller may not see (the two are not told apart). */
public class NotFoundProblem extends ErrorResponseException {

    public NotFoundProblem(String what, String id) {
        super(HttpStatus.NOT_FOUND, problem(what, id), null);
    }

    private static ProblemDetail problem(String what, String id) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No " + what + " '" + abbreviate(id) + "' is visible to this caller");
        p.setTitle(what.substring(0, 1).toUpperCase() + what.substring(1) + " not found");
        return p;
    }

    private static String abbreviate(String id) {
        return id == null ? "" : id.length() > 100 ? id.substring(0, 100) + "…" : id;
    }
}
