package io.vodflow.processor.it;

import io.vodflow.kit.testing.KeepAliveReplay;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser or client that keeps its connection for the status page, health and the query API gets every answer.
 * Queries are answered from the database driver's thread and health from boundedElastic, which used to leave the
 * next request on the connection unread.
 */
class KeepAliveIT extends ProcessorItSupport {
    @LocalServerPort
    int port;

    @Test
    void everyRequestOnOneReusedConnectionIsAnswered() throws Exception {
        String auth = "Bearer " + token("u-keepalive");
        KeepAliveReplay replay = new KeepAliveReplay(port);
        replay.get("/status.html", 200)
                .get("/actuator/health", 200)
                .step("GET /v1/users/me/media", b -> b.uri(URI.create(replay.base() + "/v1/users/me/media"))
                        .header("Authorization", auth), 200)
                .step("GET /v1/media/unknown", b -> b.uri(URI.create(replay.base() + "/v1/media/5285890799999999999"))
                        .header("Authorization", auth), 404);

        assertThat(replay.run(150, Duration.ofSeconds(3))).isEmpty();
    }
}
