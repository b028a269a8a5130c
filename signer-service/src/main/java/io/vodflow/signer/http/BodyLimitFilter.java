package io.vodflow.signer.http;

import io.vodflow.kit.http.BufferedBodies;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.AbstractJackson2Decoder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds request bodies to the JSON decoder's limit itself, so the decoder never meets one over it: a body cut off
 * inside the decoder makes Reactor Netty log an ERROR with a stack trace for the connection (reactor-netty #3683: a
 * buffer of the refused body is released twice), which any client could provoke at will. A declared Content-Length
 * over the limit is a 413 before a byte is read; a chunked body is read here, up to the limit, and handed on whole.
 */
@Component
public class BodyLimitFilter implements WebFilter, Ordered {
    private final int maxBytes;

    public BodyLimitFilter(ServerCodecConfigurer codecs) {
        this.maxBytes = jsonLimit(codecs);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            // answered like the decoder's own refusal: the problem handler maps it to 413
            return Mono.error(new DataBufferLimitException("Content-Length " + declared + " exceeds " + maxBytes));
        }
        if (declared < 0 && request.getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return DataBufferUtils.join(request.getBody(), maxBytes)
                    .map(BufferedBodies::take)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(body -> chain.filter(exchange.mutate().request(new ReadBody(request, body)).build()));
        }
        return chain.filter(exchange);
    }

    /** After authentication, so an anonymous caller learns nothing but 401 about a path. */
    @Override
    public int getOrder() {
        return 0;
    }

    /** The limit of the JSON reader every body of this service goes through. */
    static int jsonLimit(ServerCodecConfigurer codecs) {
        return codecs.getReaders().stream()
                .filter(DecoderHttpMessageReader.class::isInstance)
                .map(r -> ((DecoderHttpMessageReader<?>) r).getDecoder())
                .filter(AbstractJackson2Decoder.class::isInstance)
                .mapToInt(d -> ((AbstractJackson2Decoder) d).getMaxInMemorySize())
                .filter(limit -> limit >= 0)
                .findFirst()
                .orElse(Integer.MAX_VALUE);
    }

    /** The request with its body already read (heap bytes: nothing to release if the handler never reads them). */
    private static final class ReadBody extends ServerHttpRequestDecorator {
        private final byte[] body;

        ReadBody(ServerHttpRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty() : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }
}
