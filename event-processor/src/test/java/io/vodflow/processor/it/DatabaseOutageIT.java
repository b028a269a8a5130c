package io.vodflow.processor.it;

import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.postgres.DatabaseOutage;
import io.vodflow.infra.postgres.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The query API while its database refuses connections answers 503 problem JSON with Retry-After (not a 500), and
 * heals by itself once the database is back. Runs on a database of its own, so the outage touches no other test.
 */
@VodflowIntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vodflow.processor.retry-max-backoff=1s")
@DirtiesContext // its database is left to this class; a cached context would outlive it
class DatabaseOutageIT {
    private static final String JWT_SECRET = "processor-outage-it-jwt-secret-0123456789";
    private static final PostgresDatabase OWN = VodflowInfra.get().newDatabase("processor_outage");

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VodflowInfra.register(registry, OWN, VodflowInfra.get().kafka());
        registry.add("vodflow.jwt.secret", () -> JWT_SECRET);
    }

    @Test
    void aRefusingDatabaseIsA503WithRetryAfterAndTheApiRecoversWhenItIsBack() throws Exception {
        String me = DevJwt.mint(JWT_SECRET, "u-outage", List.of(), Duration.ofMinutes(10));
        http.get().uri("/v1/users/me/media").headers(h -> h.setBearerAuth(me)).exchange().expectStatus().isOk();
        try (DatabaseOutage outage = DatabaseOutage.begin(OWN)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    http.get().uri("/v1/users/me/media").headers(h -> h.setBearerAuth(me)).exchange()
                            .expectStatus().isEqualTo(503)
                            .expectHeader().valueEquals("Retry-After", "1")
                            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody().jsonPath("$.title").isEqualTo("Database unavailable"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/v1/users/me/media").headers(h -> h.setBearerAuth(me)).exchange().expectStatus().isOk());
    }
}
