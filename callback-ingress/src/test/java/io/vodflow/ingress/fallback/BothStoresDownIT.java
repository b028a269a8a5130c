package io.vodflow.ingress.fallback;

import io.vodflow.infra.LocalPorts;
import io.vodflow.ingress.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With neither Kafka nor Postgres reachable the callback is not acknowledged: 503 with Retry-After, inside VOD's 5 s. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its broker/emulator goes away after the class; a cached context would keep retrying it
class BothStoresDownIT {

    @DynamicPropertySource
    static void nowhere(DynamicPropertyRegistry registry) {
        // ports nothing listens on: both stores refuse
        registry.add("vodflow.db.url", () -> "postgresql://127.0.0.1:" + LocalPorts.pickFree() + "/nowhere");
        registry.add("vodflow.db.migrate", () -> "false");
        registry.add("vodflow.kafka.bootstrap", () -> "127.0.0.1:" + LocalPorts.pickFree());
    }

    @Autowired
    WebTestClient http;

    @Test
    void whenKafkaAndTheFallbackBothRefuseTheAnswerIs503WithinFiveSeconds() {
        long start = System.nanoTime();
        http.mutate().responseTimeout(Duration.ofSeconds(15)).build()
                .post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void healthIsDownWhileNeitherStoreCanTakeACallback() {
        WebTestClient client = http.mutate().responseTimeout(Duration.ofSeconds(15)).build();
        client.post().uri("/v1/vod/callbacks").bodyValue(Fixtures.bytes("v3-file-deleted.json")).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.components.ingress.status").isEqualTo("DOWN")
                .jsonPath("$.components.ingress.details.kafka").isEqualTo("BYPASSED")
                .jsonPath("$.components.ingress.details.fallbackStore").isEqualTo("UNREACHABLE"));
        // out of a load balancer's rotation, so VOD's callbacks go to an instance that can keep them
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }
}
