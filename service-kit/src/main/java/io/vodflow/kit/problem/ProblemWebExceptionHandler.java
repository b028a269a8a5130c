package io.vodflow.kit.problem;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Last-resort mapping of every error to problem JSON, ahead of Boot's default handler, so no path
 * (routing, codecs, filters, unexpected bugs) answers with another format or leaks an exception message.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);
    private final ProblemResponses problems;

    public ProblemWebExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (find(ex, AbortedException.class) != null || exchange.getResponse().isCommitted()) {
            // the client went away (or the answer is already on the wire): nothing to tell anyone, not an error
            return Mono.empty();
        }
        ProblemDetail problem = toProblem(ex);
        if (ex instanceof ErrorResponse er && !er.getHeaders().isEmpty()) {
            // Retry-After of a 429 or 503, Allow of a 405, Accept of a 415: part of the answer, not of the body
            exchange.getResponse().getHeaders().addAll(er.getHeaders());
        }
        if (!(ex instanceof ErrorResponse) && isDatabaseOutage(ex)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
        return problems.write(exchange, problem);
    }

    ProblemDetail toProblem(Throwable ex) {
        Throwable limit = find(ex, DataBufferLimitException.class);
        if (limit != null) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "The request body exceeds the configured maximum size");
        }
        if (find(ex, InvalidMimeTypeException.class) != null || find(ex, InvalidMediaTypeException.class) != null) {
            // a Content-Type or Accept header that does not parse (or names an unknown charset) is the client's mistake
            return problem(HttpStatus.BAD_REQUEST, "Malformed media type", "The Content-Type or Accept header is not a valid media type");
        }
        if (ex instanceof ServerWebInputException || find(ex, DecodingException.class) != null) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request could not be read: check the body, parameters and content type");
        }
        if (ex instanceof NoResourceFoundException) {
            // the services serve no static files: Spring's "No static resource ..." would name a kind of content
            return problem(HttpStatus.NOT_FOUND, "Not found", "Nothing is served at this path");
        }
        if (ex instanceof ErrorResponse er) {
            ProblemDetail body = er.getBody();
            if (er.getStatusCode().is5xxServerError() && isDatabaseOutage(ex)) {
                // an expected outage the service answers itself (a 503): as quiet as the generic one below
                warnDatabaseUnavailable(ex);
            } else if (er.getStatusCode().is5xxServerError() && ex.getCause() == null) {
                // an answer the service chose (e.g. the ingress's 503 when neither store keeps a callback), logged
                // with its reason where it was chosen: one line, not a stack trace of the error handler
                log.atWarn().addKeyValue("status", er.getStatusCode().value())
                        .log("request answered with a server error: {}", body.getTitle());
            } else if (er.getStatusCode().is5xxServerError()) {
                log.atError().setCause(ex).log("request failed");
            }
            return body;
        }
        if (isDatabaseOutage(ex)) {
            warnDatabaseUnavailable(ex);
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                    "The database could not be reached or did not answer in time; retry shortly");
        }
        log.atError().setCause(ex).log("unexpected error");
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The server could not complete the request");
    }

    // one line per request and the class only: driver messages name hosts, databases and users
    private static void warnDatabaseUnavailable(Throwable ex) {
        log.atWarn().addKeyValue("error", ex.getClass().getSimpleName()).log("database unavailable");
    }

    /** Connection failures, pool or query timeouts and transient errors of the database, as Spring or R2DBC name them. */
    static boolean isDatabaseOutage(Throwable ex) {
        return find(ex, DataAccessResourceFailureException.class) != null || find(ex, TransientDataAccessException.class) != null
                || find(ex, R2dbcTransientException.class) != null || find(ex, R2dbcNonTransientResourceException.class) != null;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
