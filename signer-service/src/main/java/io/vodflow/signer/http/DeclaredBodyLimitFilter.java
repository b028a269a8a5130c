package io.vodflow.signer.http;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.AbstractJackson2Decoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses (413) a request whose Content-Length already exceeds what the JSON decoder will buffer, before a byte of
 * the body is read. The decoder would refuse it too, but only after buffering up to its limit, and a body cut off
 * there makes Reactor Netty log an ERROR with a stack trace for the connection (reactor-netty #3683: a buffer of
 * the refused body is released twice), which any client could then provoke at will. A chunked body has no declared
 * length and still takes the decoder's path.
 */
@Component
public class DeclaredBodyLimitFilter implements WebFilter, Ordered {
    private final long maxBytes;

    public DeclaredBodyLimitFilter(ServerCodecConfigurer codecs) {
        this.maxBytes = jsonLimit(codecs);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            // answered like the decoder's own refusal: the problem handler maps it to 413
            return Mono.error(new DataBufferLimitException("Content-Length " + declared + " exceeds " + maxBytes));
        }
        return chain.filter(exchange);
    }

    /** After authentication, so an anonymous caller learns nothing but 401 about a path. */
    @Override
    public int getOrder() {
        return 0;
    }

    /** The limit of the JSON reader every body of this service goes through. */
    static long jsonLimit(ServerCodecConfigurer codecs) {
        return codecs.getReaders().stream()
                .filter(DecoderHttpMessageReader.class::isInstance)
                .map(r -> ((DecoderHttpMessageReader<?>) r).getDecoder())
                .filter(AbstractJackson2Decoder.class::isInstance)
                .mapToLong(d -> ((AbstractJackson2Decoder) d).getMaxInMemorySize())
                .filter(limit -> limit >= 0)
                .findFirst()
                .orElse(Long.MAX_VALUE);
    }
}
