package io.vodflow.signer.api;

import io.vodflow.kit.testing.KeepAliveReplay;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps its connection for health checks, signatures, a 401 and a 404 in turn gets every answer. A signature
 * is answered from the database driver's thread and health from boundedElastic, which used to leave the next
 * request on the connection unread.
 */
class KeepAliveIT extends SignerITSupport {

    @Test
    void everyRequestOnOneReusedConnectionIsAnswered() throws Exception {
        String token = tokenFor(newUser());
        KeepAliveReplay replay = new KeepAliveReplay(port);
        replay.get("/actuator/health", 200)
                .step("POST " + PATH, b -> b.uri(URI.create(replay.base() + PATH))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")), 201)
                .get("/v1/upload-signatures/not-a-uuid", 401)
                .step("GET /no-such-page", b -> b.uri(URI.create(replay.base() + "/no-such-page"))
                        .header("Authorization", "Bearer " + token), 404);

        assertThat(replay.run(150, Duration.ofSeconds(3))).isEmpty();
    }
}
