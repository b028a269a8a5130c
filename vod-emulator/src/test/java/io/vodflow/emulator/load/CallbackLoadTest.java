package io.vodflow.emulator.load;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackLoadTest {

    private final AtomicInteger received = new AtomicInteger();
    private final DisposableServer receiver = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> request.receive().aggregate().asString(UTF_8)
                    .doOnNext(body -> received.incrementAndGet())
                    .then(response.status(body(request.uri())).send()))
            .bindNow();

    @AfterEach
    void stop() {
        receiver.disposeNow();
    }

    @Test
    void sendsEveryRequestAndRecordsEachLatency() {
        LoadReport report = CallbackLoad.runAndWait(LoadPlan.of(target("/ok"), 300, 8,
                i -> ("{\"n\":" + i + "}").getBytes(UTF_8)));

        assertThat(report.sent()).isEqualTo(300);
        assertThat(report.succeeded()).isEqualTo(300);
        assertThat(report.failed()).isZero();
        assertThat(report.latenciesMicros().getTotalCount()).isEqualTo(300);
        assertThat(received).hasValue(300);
        assertThat(report.throughputPerSecond()).isPositive();
    }

    @Test
    void non2xxAnswersCountAsFailures() {
        LoadReport report = CallbackLoad.runAndWait(LoadPlan.of(target("/fail"), 20, 4, i -> new byte[]{'{', '}'}));

        assertThat(report.failed()).isEqualTo(20);
        assertThat(report.succeeded()).isZero();
    }

    @Test
    void pacedLoadTakesAsLongAsTheRateRequires() {
        LoadReport report = CallbackLoad.runAndWait(LoadPlan.of(target("/ok"), 50, 4, i -> new byte[]{'{', '}'})
                .withRate(250));

        assertThat(report.succeeded()).isEqualTo(50);
        assertThat(report.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void timeBoundStopsTheRun() {
        LoadReport report = CallbackLoad.runAndWait(LoadPlan.of(target("/ok"), 10_000, 2, i -> new byte[]{'{', '}'})
                .withRate(100).withMaxDuration(Duration.ofMillis(300)));

        assertThat(report.sent()).isLessThan(100);
    }

    @Test
    void nonLoopbackTargetsAreRefused() {
        assertThatThrownBy(() -> LoadPlan.of(URI.create("http://192.0.2.10/x"), 1, 1, i -> new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int body(String uri) {
        return uri.startsWith("/fail") ? 503 : 200;
    }

    private URI target(String path) {
        return URI.create("http://127.0.0.1:" + receiver.port() + path);
    }
}
