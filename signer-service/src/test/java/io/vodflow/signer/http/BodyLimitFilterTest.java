package io.vodflow.signer.http;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyLimitFilterTest {

    private static ServerCodecConfigurer codecsLimitedTo(int bytes) {
        ServerCodecConfigurer codecs = ServerCodecConfigurer.create();
        codecs.defaultCodecs().maxInMemorySize(bytes);
        return codecs;
    }

    private static boolean passes(BodyLimitFilter filter, long contentLength) {
        AtomicBoolean reached = new AtomicBoolean();
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/upload-signatures")
                .contentLength(contentLength).build());
        assertThatThrownBy(() -> filter.filter(exchange, e -> Mono.fromRunnable(() -> reached.set(true))).block())
                .isInstanceOf(DataBufferLimitException.class).hasMessageContaining(String.valueOf(contentLength));
        return reached.get();
    }

    @Test
    void theLimitIsTheJsonDecodersOwn() {
        assertThat(BodyLimitFilter.jsonLimit(codecsLimitedTo(1_000))).isEqualTo(1_000);
        assertThat(BodyLimitFilter.jsonLimit(ServerCodecConfigurer.create())).isEqualTo(256 * 1024);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReachingTheHandler() {
        assertThat(passes(new BodyLimitFilter(codecsLimitedTo(1_000)), 1_001)).isFalse();
    }

    @Test
    void aDeclaredLengthAtTheLimitOrNoneGoesThrough() {
        BodyLimitFilter filter = new BodyLimitFilter(codecsLimitedTo(1_000));
        for (MockServerHttpRequest request : new MockServerHttpRequest[] {
                MockServerHttpRequest.post("/v1/upload-signatures").contentLength(1_000).build(),
                MockServerHttpRequest.post("/v1/upload-signatures").build()}) {
            AtomicBoolean reached = new AtomicBoolean();
            filter.filter(MockServerWebExchange.from(request), e -> Mono.fromRunnable(() -> reached.set(true))).block();
            assertThat(reached).isTrue();
        }
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndHandedOnWhole() {
        BodyLimitFilter filter = new BodyLimitFilter(codecsLimitedTo(1_000));
        MockServerHttpRequest over = MockServerHttpRequest.post("/v1/upload-signatures")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked").body(Flux.range(0, 11).map(i -> chunk(100)));
        AtomicBoolean reached = new AtomicBoolean();
        assertThatThrownBy(() -> filter.filter(MockServerWebExchange.from(over), e -> Mono.fromRunnable(() -> reached.set(true))).block())
                .isInstanceOf(DataBufferLimitException.class);
        assertThat(reached).isFalse();

        MockServerHttpRequest within = MockServerHttpRequest.post("/v1/upload-signatures")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked").body(Flux.range(0, 10).map(i -> chunk(100)));
        AtomicInteger seen = new AtomicInteger();
        filter.filter(MockServerWebExchange.from(within), e -> DataBufferUtils.join(e.getRequest().getBody())
                .doOnNext(b -> seen.set(b.readableByteCount())).then()).block();
        assertThat(seen).hasValue(1_000);
    }

    private static DataBuffer chunk(int bytes) {
        return DefaultDataBufferFactory.sharedInstance.wrap(new byte[bytes]);
    }
}
