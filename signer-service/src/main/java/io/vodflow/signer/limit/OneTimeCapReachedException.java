package io.vodflow.signer.limit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The user holds as many unused one-time signatures as allowed: 429 until some are used, revoked or expire. */
public class OneTimeCapReachedException extends ErrorResponseException {
    public static final String RULE = "oneTime.outstanding";

    public OneTimeCapReachedException(int cap) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(cap), null);
    }

    private static ProblemDetail problem(int cap) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "You already hold " + cap
                + " unused one-time signatures, the most allowed; use, revoke or let some expire first");
        p.setTitle("Too many outstanding one-time signatures");
        p.setProperty("rule", RULE);
        return p;
    }
}
