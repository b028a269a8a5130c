package io.vodflow.ingress.http;

import org.springframework.core.Ordered;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security's default response headers (nosniff, frame DENY, no-store, HSTS on https, no-referrer) without its
 * filter chain, which the ingress leaves out for speed: the Swagger UI, actuator and every other page get the same
 * protection as in the other services. The callback paths are left out: their only client is VOD's notifier, which
 * renders nothing, so the per-request work would buy nothing on the hot path.
 */
public final class SecurityHeadersFilter implements WebFilter, Ordered {
    private static final String CALLBACKS = "/v1/vod/";
    private final HttpHeaderWriterWebFilter delegate = new HttpHeaderWriterWebFilter(new CompositeServerHttpHeadersWriter(
            new ContentTypeOptionsServerHttpHeadersWriter(), new XFrameOptionsServerHttpHeadersWriter(),
            new CacheControlServerHttpHeadersWriter(), new XXssProtectionServerHttpHeadersWriter(),
            new StrictTransportSecurityServerHttpHeadersWriter(), new ReferrerPolicyServerHttpHeadersWriter()));

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith(CALLBACKS)) {
            return chain.filter(exchange);
        }
        return delegate.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
