package io.vodflow.emulator.callback;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Delivers callback bodies the way VOD's normal (push) mode does: an HTTP POST with a JSON body and a response
 * timeout (5 s by default, VOD's documented value). The result is the HTTP status; a timeout or connection
 * failure is an error signal ({@link TimeoutException} for the former).
 */
public final class CallbackPusher implements AutoCloseable {

    /** VOD's documented push-callback timeout. */
    public static final Duration VOD_TIMEOUT = Duration.ofSeconds(5);
    /** VOD retries a timed-out push twice (three attempts at most), per its 2019 doc. */
    public static final int VOD_RETRIES_ON_TIMEOUT = 2;

    private final ConnectionProvider connections;
    private final HttpClient client;
    private final Duration responseTimeout;

    /** A pusher with VOD's 5 s timeout. */
    public CallbackPusher() {
        this(VOD_TIMEOUT, 64);
    }

    /** @param maxConnections size of the connection pool (at least the concurrency you push with) */
    public CallbackPusher(Duration responseTimeout, int maxConnections) {
        this.responseTimeout = responseTimeout;
        this.connections = ConnectionProvider.builder("vod-callback-push")
                .maxConnections(maxConnections).pendingAcquireMaxCount(-1).build();
        this.client = HttpClient.create(connections)
                .responseTimeout(responseTimeout)
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
    }

    /** POSTs one body once; emits the HTTP status. */
    public Mono<Integer> push(URI url, byte[] body) {
        return client.post()
                .uri(url)
                .send(ByteBufFlux.fromInbound(Mono.just(body)))
                .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                .onErrorMap(ReadTimeoutException.class, CallbackPusher::timeout)
                .timeout(responseTimeout.plusSeconds(1), Mono.error(timeout(null)));
    }

    /** POSTs one body as VOD does: on a timeout it tries again, three attempts in all; the status is ignored. */
    public Mono<Integer> pushLikeVod(URI url, byte[] body) {
        return Mono.defer(() -> push(url, body))
                .retryWhen(Retry.max(VOD_RETRIES_ON_TIMEOUT).filter(TimeoutException.class::isInstance));
    }

    /** POSTs the bodies one after another, in order; emits each status. */
    public Flux<Integer> pushInOrder(URI url, List<byte[]> bodies) {
        return Flux.fromIterable(bodies).concatMap(body -> push(url, body));
    }

    /** Releases the connection pool without blocking (for use inside reactive pipelines). */
    public Mono<Void> closeAsync() {
        return connections.disposeLater();
    }

    /** Releases the connection pool, waiting up to 5 s; not for event-loop threads. */
    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(5));
    }

    private static TimeoutException timeout(Throwable cause) {
        TimeoutException timeout = new TimeoutException("callback receiver gave no response in time");
        if (cause != null) {
            timeout.initCause(cause);
        }
        return timeout;
    }
}
