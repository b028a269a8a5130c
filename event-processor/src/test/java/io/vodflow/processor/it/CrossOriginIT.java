package io.vodflow.processor.it;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A web app on another origin reads the query API and the live stream; other origins are refused with a problem. */
class CrossOriginIT extends ProcessorItSupport {

    @Test
    void webAppReadsTheUsersMediaAndStreamsItsEvents() {
        http.get().uri("/v1/users/me/media").header(HttpHeaders.ORIGIN, WEB_APP_ORIGIN)
                .headers(h -> h.setBearerAuth(token("u-web"))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_APP_ORIGIN);

        // the stream reconnects with Last-Event-ID, so the preflight must allow that header
        http.options().uri("/v1/users/me/events").header(HttpHeaders.ORIGIN, WEB_APP_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,last-event-id").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, h -> assertThat(h.toLowerCase()).contains("last-event-id"));
        var stream = http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v1/users/me/events").accept(MediaType.TEXT_EVENT_STREAM).header(HttpHeaders.ORIGIN, WEB_APP_ORIGIN)
                .headers(h -> h.setBearerAuth(token("u-web"))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_APP_ORIGIN)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { });
        assertThat(stream.getResponseBody().filter(e -> "connected".equals(e.comment())).blockFirst(Duration.ofSeconds(20))).isNotNull();
    }

    @Test
    void anotherOriginIsRefusedWithAProblem() {
        http.get().uri("/v1/users/me/media").header(HttpHeaders.ORIGIN, "https://evil.example.test")
                .headers(h -> h.setBearerAuth(token("u-web"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
