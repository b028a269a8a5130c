package io.vodflow.kit.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 for paging parameters out of range, shared by the list endpoints of every service. */
public class BadPageProblem extends ErrorResponseException {
    private static final String TITLE = "Invalid paging parameters";

    public BadPageProblem(int maxSize) {
        this("page must be >= 0 and size between 1 and " + maxSize);
    }

    private BadPageProblem(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    /** A cursor sent with a page number other than 0: the cursor already says where the page starts. */
    public static BadPageProblem cursorWithPage() {
        return new BadPageProblem("cursor and page exclude each other: a cursor continues where its page ended");
    }

    /** A cursor that is not a nextCursor of this list (altered, truncated or from another list). */
    public static BadPageProblem badCursor() {
        return new BadPageProblem("cursor is not a nextCursor of this list");
    }

    /** True when {@code page} and {@code size} are outside what the list endpoints accept. */
    public static boolean outOfRange(int page, int size, int maxSize) {
        return page < 0 || size < 1 || size > maxSize;
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle(TITLE);
        return p;
    }
}
