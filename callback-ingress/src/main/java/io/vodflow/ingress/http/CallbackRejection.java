package io.vodflow.ingress.http;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A push callback refused with a problem answer; {@code reason} is the metrics tag. */
public class CallbackRejection extends ErrorResponseException {
    private final String reason;

    private CallbackRejection(HttpStatusCode status, String reason, String title, String detail) {
        super(status, problem(status, title, detail), null);
        this.reason = reason;
    }

    /** 400: the body is not a VOD event. */
    public static CallbackRejection malformed(String detail) {
        return new CallbackRejection(HttpStatus.BAD_REQUEST, "malformed", "Malformed callback", detail);
    }

    /** 400: a path parameter is not valid. */
    public static CallbackRejection badPath(String detail) {
        return new CallbackRejection(HttpStatus.BAD_REQUEST, "bad_path", "Malformed callback URL", detail);
    }

    /** 413: the body exceeds the configured maximum. */
    public static CallbackRejection tooLarge(long maxBytes) {
        return new CallbackRejection(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "Callback too large",
                "The callback body exceeds the maximum of " + maxBytes + " bytes");
    }

    /** 408: the body did not arrive in time. */
    public static CallbackRejection bodyTimeout(long seconds) {
        return new CallbackRejection(HttpStatus.REQUEST_TIMEOUT, "body_timeout", "Callback body too slow",
                "The callback body did not arrive within " + seconds + " s");
    }

    /** 401: the callback did not prove it comes from VOD. */
    public static CallbackRejection unauthorized(String reason, String detail) {
        return new CallbackRejection(HttpStatus.UNAUTHORIZED, reason, "Callback not authenticated", detail);
    }

    /** 404: a path the ingress does not serve. */
    public static CallbackRejection notFound() {
        return new CallbackRejection(HttpStatus.NOT_FOUND, "not_found", "Not found",
                "Callbacks are accepted at /v1/vod/callbacks[/{subAppId}]");
    }

    /** The metrics reason tag. */
    public String reason() {
        return reason;
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
