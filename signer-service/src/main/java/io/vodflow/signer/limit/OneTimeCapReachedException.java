package io.vodflow.signer.limit;

import io.vodflow.signer.record.OutstandingOneTime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.time.Instant;

/**
 * The user holds as many unused one-time signatures as allowed: 429 until some are used, revoked or expire.
 * Retry-After is the wait until the first of them expires, the latest a slot frees without the user acting.
 */
public class OneTimeCapReachedException extends ErrorResponseException {
    public static final String RULE = "oneTime.outstanding";

    private OneTimeCapReachedException(int cap, Instant soonestExpiry, Long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(cap, soonestExpiry), null);
        if (retryAfterSeconds != null) {
            getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
    }

    /** The refusal for a user holding {@code held} against {@code cap}, as seen at {@code now}. */
    public static OneTimeCapReachedException of(int cap, OutstandingOneTime held, Instant now) {
        Instant soonest = held.soonestExpiry();
        Long wait = soonest == null ? null : retryAfterSeconds(now, soonest);
        return new OneTimeCapReachedException(cap, soonest, wait);
    }

    static long retryAfterSeconds(Instant now, Instant soonestExpiry) {
        Duration left = Duration.between(now, soonestExpiry);
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static ProblemDetail problem(int cap, Instant soonestExpiry) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "You already hold " + cap
                + " unused one-time signatures, the most allowed; use, revoke or let some expire first "
                + "(GET /v1/users/me/upload-signatures?state=ISSUED lists them)");
        p.setTitle("Too many outstanding one-time signatures");
        p.setProperty("rule", RULE);
        if (soonestExpiry != null) {
            p.setProperty("nextExpiryAt", soonestExpiry.toString());
        }
        return p;
    }
}
