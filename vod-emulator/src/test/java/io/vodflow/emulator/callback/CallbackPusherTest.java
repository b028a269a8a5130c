package io.vodflow.emulator.callback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackPusherTest {

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private DisposableServer receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.disposeNow();
        }
    }

    @Test
    void pushPostsTheJsonBodyAndReturnsTheStatus() {
        receiver = receiverAnswering(202, Duration.ZERO);
        try (CallbackPusher pusher = new CallbackPusher()) {
            Integer status = pusher.push(url(), "{\"EventType\":\"NewFileUpload\"}".getBytes(UTF_8))
                    .block(Duration.ofSeconds(10));

            assertThat(status).isEqualTo(202);
        }
        assertThat(bodies).containsExactly("{\"EventType\":\"NewFileUpload\"}");
        assertThat(contentTypes).containsExactly("application/json");
    }

    @Test
    void pushInOrderDeliversEachBodyInSequence() {
        receiver = receiverAnswering(200, Duration.ZERO);
        try (CallbackPusher pusher = new CallbackPusher()) {
            List<Integer> statuses = pusher.pushInOrder(url(), List.of("a".getBytes(UTF_8), "b".getBytes(UTF_8),
                    "c".getBytes(UTF_8))).collectList().block(Duration.ofSeconds(10));

            assertThat(statuses).containsExactly(200, 200, 200);
        }
        assertThat(bodies).containsExactly("a", "b", "c");
    }

    @Test
    void slowReceiverTimesOut() {
        receiver = receiverAnswering(200, Duration.ofSeconds(3));
        try (CallbackPusher pusher = new CallbackPusher(Duration.ofMillis(200), 4)) {
            assertThatThrownBy(() -> pusher.push(url(), "x".getBytes(UTF_8)).block(Duration.ofSeconds(10)))
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void pushLikeVodTriesThreeTimesOnTimeout() {
        receiver = receiverAnswering(200, Duration.ofSeconds(3));
        try (CallbackPusher pusher = new CallbackPusher(Duration.ofMillis(200), 4)) {
            assertThatThrownBy(() -> pusher.pushLikeVod(url(), "x".getBytes(UTF_8)).block(Duration.ofSeconds(10)))
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        assertThat(attempts).hasValue(3);
    }

    @Test
    void pushLikeVodDoesNotRetryANon200() {
        receiver = receiverAnswering(500, Duration.ZERO);
        try (CallbackPusher pusher = new CallbackPusher()) {
            assertThat(pusher.pushLikeVod(url(), "x".getBytes(UTF_8)).block(Duration.ofSeconds(10))).isEqualTo(500);
        }
        assertThat(attempts).hasValue(1);
    }

    private DisposableServer receiverAnswering(int status, Duration delay) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    attempts.incrementAndGet();
                    contentTypes.add(request.requestHeaders().get("Content-Type"));
                    return request.receive().aggregate().asString(UTF_8).defaultIfEmpty("")
                            .doOnNext(bodies::add)
                            .then(Mono.delay(delay))
                            .then(response.status(status).send());
                })
                .bindNow();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + receiver.port() + "/v1/vod/callbacks");
    }
}
