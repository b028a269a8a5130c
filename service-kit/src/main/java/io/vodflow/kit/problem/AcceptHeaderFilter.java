package io.vodflow.kit.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.ConcurrentLruCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose {@code Accept} header does not parse, whatever its method, with the 400 problem of a
 * {@code Content-Type} that does not: annotated routes refused it with a 406 while functional routes, which set
 * their content type themselves, ignored it. A malformed header is a malformed request (RFC 9110 §15.5.1), not a
 * representation the server lacks. Only the first {@code Accept} line is checked: reading them all allocates on
 * every request.
 */
public final class AcceptHeaderFilter implements WebFilter {
    // clients repeat their Accept value: the usual request costs a lookup, not a parse; bounded against churn
    private final ConcurrentLruCache<String, Boolean> verdicts = new ConcurrentLruCache<>(64, AcceptHeaderFilter::parses);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String accept = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT);
        if (accept == null || verdicts.get(accept)) {
            return chain.filter(exchange);
        }
        return Mono.error(new InvalidMediaTypeException(accept, "the Accept header does not parse"));
    }

    /** As Spring reads it for content negotiation; an InvalidMediaTypeException is an IllegalArgumentException. */
    private static boolean parses(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
