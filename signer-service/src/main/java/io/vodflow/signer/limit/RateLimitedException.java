package io.vodflow.signer.limit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller used up its request budget: 429 problem JSON with Retry-After in whole seconds. */
public class RateLimitedException extends ErrorResponseException {
    public RateLimitedException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(retryAfterSeconds), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    private static ProblemDetail problem(long retryAfterSeconds) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many signature requests; retry in " + retryAfterSeconds + " s");
        p.setTitle("Rate limit exceeded");
        p.setProperty("rule", "rate-limit");
        return p;
    }
}
