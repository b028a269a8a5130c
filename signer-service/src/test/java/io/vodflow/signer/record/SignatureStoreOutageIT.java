package io.vodflow.signer.record;

import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.postgres.DatabaseOutage;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.signer.SignerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the signer's database refuses connections no signature is handed out (it could not be recorded): 503
 * problem JSON with Retry-After for issuing (with an Idempotency-Key too), for reading a record and for the key
 * switch; once the database is back, issuing works again.
 */
@VodflowIntegrationTest
@SpringBootTest(classes = SignerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is left to this class; a cached context would outlive it
class SignatureStoreOutageIT {
    private static final String JWT_SECRET = "signer-outage-it-jwt-secret-0123456789abcdef";
    private static final PostgresDatabase OWN = VodflowInfra.get().newDatabase("signer_outage");
    private static final String PATH = "/v1/upload-signatures";

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        VodflowInfra.register(registry, OWN, VodflowInfra.get().kafka());
        registry.add("vodflow.jwt.secret", () -> JWT_SECRET);
    }

    @Test
    void noSignatureIsIssuedWhileTheStoreIsDownAndIssuingResumesWhenItIsBack() throws Exception {
        String me = DevJwt.mint(JWT_SECRET, "u-store-outage", List.of(), Duration.ofMinutes(10));
        String id = http.post().uri(PATH).headers(h -> h.setBearerAuth(me)).exchange()
                .expectStatus().isCreated().expectBody(java.util.Map.class).returnResult().getResponseBody().get("id").toString();
        try (DatabaseOutage outage = DatabaseOutage.begin(OWN)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    http.post().uri(PATH).headers(h -> h.setBearerAuth(me)).exchange()
                            .expectStatus().isEqualTo(503)
                            .expectHeader().exists("Retry-After")
                            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody().jsonPath("$.signature").doesNotExist());
            http.get().uri(PATH + "/" + id).headers(h -> h.setBearerAuth(me)).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            // a retry with an Idempotency-Key first looks its key up: that read fails the same way
            http.post().uri(PATH).headers(h -> {
                h.setBearerAuth(me);
                h.set("Idempotency-Key", "outage-retry");
            }).exchange().expectStatus().isEqualTo(503).expectHeader().exists("Retry-After")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            String admin = DevJwt.mint(JWT_SECRET, "ops-store-outage", List.of("admin"), Duration.ofMinutes(10));
            http.put().uri("/v1/signing-keys/active").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"keyId\":\"primary\"}").exchange().expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("nothing was switched"));
            http.get().uri("/v1/signing-keys").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.post().uri(PATH).headers(h -> h.setBearerAuth(me)).exchange().expectStatus().isCreated());
    }
}
