package io.vodflow.signer.http;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclaredBodyLimitFilterTest {

    private static ServerCodecConfigurer codecsLimitedTo(int bytes) {
        ServerCodecConfigurer codecs = ServerCodecConfigurer.create();
        codecs.defaultCodecs().maxInMemorySize(bytes);
        return codecs;
    }

    private static boolean passes(DeclaredBodyLimitFilter filter, long contentLength) {
        AtomicBoolean reached = new AtomicBoolean();
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/upload-signatures")
                .contentLength(contentLength).build());
        assertThatThrownBy(() -> filter.filter(exchange, e -> Mono.fromRunnable(() -> reached.set(true))).block())
                .isInstanceOf(DataBufferLimitException.class).hasMessageContaining(String.valueOf(contentLength));
        return reached.get();
    }

    @Test
    void theLimitIsTheJsonDecodersOwn() {
        assertThat(DeclaredBodyLimitFilter.jsonLimit(codecsLimitedTo(1_000))).isEqualTo(1_000);
        assertThat(DeclaredBodyLimitFilter.jsonLimit(ServerCodecConfigurer.create())).isEqualTo(256 * 1024);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReachingTheHandler() {
        assertThat(passes(new DeclaredBodyLimitFilter(codecsLimitedTo(1_000)), 1_001)).isFalse();
    }

    @Test
    void aDeclaredLengthAtTheLimitOrNoneGoesThrough() {
        DeclaredBodyLimitFilter filter = new DeclaredBodyLimitFilter(codecsLimitedTo(1_000));
        for (MockServerHttpRequest request : new MockServerHttpRequest[] {
                MockServerHttpRequest.post("/v1/upload-signatures").contentLength(1_000).build(),
                MockServerHttpRequest.post("/v1/upload-signatures").build()}) {
            AtomicBoolean reached = new AtomicBoolean();
            filter.filter(MockServerWebExchange.from(request), e -> Mono.fromRunnable(() -> reached.set(true))).block();
            assertThat(reached).isTrue();
        }
    }
}
