package io.vodflow.ingress.http;

import io.vodflow.kit.http.BufferedBodies;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Reads a request body into bytes, refusing (413) as soon as it grows past the limit, without buffering more. */
public final class CallbackBodyReader {
    private static final byte[] EMPTY = new byte[0];
    private final int maxBytes;
    private final Duration timeout;

    public CallbackBodyReader(int maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** The largest accepted body, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** The whole body; an empty body gives an empty array. */
    public Mono<byte[]> read(ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(CallbackRejection.tooLarge(maxBytes));
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(BufferedBodies::take)
                .defaultIfEmpty(EMPTY)
                .timeout(timeout)
                .onErrorMap(DataBufferLimitException.class, e -> CallbackRejection.tooLarge(maxBytes))
                .onErrorMap(TimeoutException.class, e -> CallbackRejection.bodyTimeout(Math.max(1, timeout.toSeconds())));
    }
}
