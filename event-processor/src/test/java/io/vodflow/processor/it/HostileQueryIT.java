package io.vodflow.processor.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import io.vodflow.kit.page.PageCursor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile path variables and paging parameters on the query API: always a 4xx problem, never a 5xx. */
class HostileQueryIT extends ProcessorItSupport {
    @LocalServerPort
    int port;

    static Stream<String> targets() {
        return Stream.of("/v1/media/%00", "/v1/media/a%00b", "/v1/tasks/%00", "/v1/media/" + "9".repeat(4_000),
                "/v1/media/%F0%28%8C%BC", "/v1/media/..%2F..%2Fetc", "/v1/tasks/%C3%28",
                "/v1/users/me/media?page=-1", "/v1/users/me/media?size=0", "/v1/users/me/media?size=-5",
                "/v1/users/me/media?size=100000", "/v1/users/me/media?page=abc",
                "/v1/users/me/media?page=99999999999", "/v1/users/me/media?size=1e3",
                "/v1/users/me/media?page=0x10", "/v1/users/me/media?page=%2310", "/v1/users/me/media?size=%EF%BC%91",
                "/v1/users/me/media?cursor=%00", "/v1/users/me/media?cursor=abc!", "/v1/users/me/media?cursor=" + "A".repeat(600),
                "/v1/users/me/media?cursor=" + b64("1.a\u0000b"), "/v1/users/me/media?cursor=" + b64("-99999999999999999.k"),
                "/v1/users/me/media?cursor=" + b64("99999999999999999999.k"), "/v1/users/me/media?page=2&cursor=" + b64("1.k"),
                "/v1/users/u-hostile/media?cursor=" + b64("x.k"), "/v1/admin/media?cursor=" + b64("1.k"));
    }

    private static String b64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void cursorsAtTheEdgesOfTimeAreEmptyOrFullPagesNotErrors() {
        for (String at : new String[] {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"}) {
            String cursor = new PageCursor(Instant.parse(at), "\uD83C\uDFAC'; DROP TABLE media; --").encode();
            http.get().uri("/v1/users/me/media?cursor={c}", cursor).headers(h -> h.setBearerAuth(token("u-hostile")))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
            http.get().uri("/v1/admin/media?cursor={c}", cursor).headers(h -> h.setBearerAuth(token("ops", "admin")))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
        }
    }

    @org.junit.jupiter.api.Test
    void aPageFarBeyondTheEndIsEmptyNotAnError() {
        http.get().uri("/v1/users/me/media?page=2147483647&size=100").headers(h -> h.setBearerAuth(token("u-hostile")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aHostileQueryIsAClientErrorWithAProblemBody(String target) {
        EntityExchangeResult<byte[]> result = http.get().uri(URI.create("http://127.0.0.1:" + port + target)).headers(h -> h.setBearerAuth(token("u-hostile")))
                .exchange().expectBody().returnResult();
        assertThat(result.getStatus().is4xxClientError()).as(target + " → " + result.getStatus()).isTrue();
        assertThat(result.getResponseHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "problem JSON");
    }
}
