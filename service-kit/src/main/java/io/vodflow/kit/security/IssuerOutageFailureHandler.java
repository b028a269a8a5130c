package io.vodflow.kit.security;

import io.vodflow.kit.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * A token that could not be checked because the issuer's JWKS is unreachable is our outage, not the caller's
 * mistake: 503 problem with Retry-After (Spring's default would rethrow it as a 500); every other failure is a 401.
 */
final class IssuerOutageFailureHandler implements ServerAuthenticationFailureHandler {
    private static final Logger log = LoggerFactory.getLogger(IssuerOutageFailureHandler.class);
    private final ServerAuthenticationEntryPoint unauthorized;
    private final ProblemResponses problems;

    IssuerOutageFailureHandler(ServerAuthenticationEntryPoint unauthorized, ProblemResponses problems) {
        this.unauthorized = unauthorized;
        this.problems = problems;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException e) {
        if (!(e instanceof AuthenticationServiceException)) {
            return unauthorized.commence(exchange.getExchange(), e);
        }
        // the cause's class only: the token itself never goes to the log
        log.atWarn().addKeyValue("error", e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName())
                .log("token could not be verified: issuer keys unavailable");
        exchange.getExchange().getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return problems.write(exchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, "Token issuer unavailable",
                "The token could not be verified because the issuer's keys could not be fetched; try again shortly");
    }
}
