package io.vodflow.ingress.http;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.Fixtures;
import io.vodflow.kit.testing.KeepAliveReplay;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One keep-alive connection carrying pages, health checks, 404s and callbacks in turn: every request is answered.
 * Answers written off the event loop (health on boundedElastic, a callback on the Kafka ack) used to leave the next
 * request on the connection unread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveIT {
    static final KafkaBroker KAFKA = VodflowInfra.get().kafka();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        KAFKA.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_keepalive"), KAFKA);
    }

    @LocalServerPort
    int port;

    @Test
    void everyRequestOnOneReusedConnectionIsAnswered() throws Exception {
        AtomicLong fileIds = new AtomicLong(5285890790000000000L);
        KeepAliveReplay replay = new KeepAliveReplay(port);
        replay.get("/webjars/swagger-ui/index.html", 200)
                .get("/actuator/health", 200)
                .get("/no-such-page", 404)
                .step("POST /v1/vod/callbacks", b -> b.uri(URI.create(replay.base() + "/v1/vod/callbacks"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                Fixtures.newFileUpload(Long.toString(fileIds.incrementAndGet())))), 200);

        assertThat(replay.run(150, Duration.ofSeconds(3))).isEmpty();
    }
}
