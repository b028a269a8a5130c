package io.vodflow.kit.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 for paging parameters out of range, shared by the list endpoints of every service. */
public class BadPageProblem extends ErrorResponseException {

    public BadPageProblem(int maxSize) {
        super(HttpStatus.BAD_REQUEST, problem(maxSize), null);
    }

    /** True when {@code page} and {@code size} are outside what the list endpoints accept. */
    public static boolean outOfRange(int page, int size, int maxSize) {
        return page < 0 || size < 1 || size > maxSize;
    }

    private static ProblemDetail problem(int maxSize) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "page must be >= 0 and size between 1 and " + maxSize);
        p.setTitle("Invalid paging parameters");
        return p;
    }
}
