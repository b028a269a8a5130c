package io.vodflow.kit.cors;

import io.vodflow.kit.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * CORS for the {@code /v1/} API, answered before authentication (a preflight carries no token): allowed requests
 * get the CORS headers, on error answers too, so a page can read a problem body; a refused origin, method or header
 * gets a 403 problem JSON instead of Spring's empty 403.
 */
public final class CorsProblemFilter implements WebFilter {
    private static final String API_PREFIX = "/v1/";
    private final CorsConfiguration config;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponses problems;

    public CorsProblemFilter(CorsProperties props, ProblemResponses problems) {
        this.config = configuration(props);
        this.problems = problems;
    }

    static CorsConfiguration configuration(CorsProperties props) {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOriginPatterns(props.allowedOrigins().stream().map(String::trim).toList());
        c.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.DELETE.name()));
        // Idempotency-Key: the signer's safe retry of a signing request; Last-Event-ID: the processor's SSE resume
        c.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Last-Event-ID",
                "Idempotency-Key"));
        c.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "Idempotent-Replayed"));
        // Bearer tokens travel in a header, never in cookies: no credentialed requests
        c.setAllowCredentials(false);
        c.setMaxAge(props.maxAge());
        return c;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(API_PREFIX)) {
            return chain.filter(exchange);
        }
        if (!processor.process(config, exchange)) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "Cross-origin request refused",
                    "This origin, method or header is not allowed to call the API from a browser");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return Mono.empty();
        }
        return chain.filter(exchange);
    }
}
