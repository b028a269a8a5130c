package io.vodflow.signer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web client on another origin (VODFLOW_CORS_ALLOWED_ORIGINS): its preflight passes without a token, its answers,
 * errors included, carry the CORS headers so the page can read them; any other origin is refused before a row exists.
 */
class CrossOriginIT extends SignerITSupport {
    private static final String OTHER_ORIGIN = "https://evil.example.test";

    @Test
    void preflightOfTheWebAppIsAnsweredWithoutAToken() {
        client.options().uri(PATH).header(HttpHeaders.ORIGIN, WEB_APP_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_APP_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, m -> assertThat(m).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, h -> assertThat(h.toLowerCase())
                        .contains("authorization").contains("idempotency-key"));
    }

    @Test
    void issuedSignatureCarriesCorsHeadersAndTheLocationIsReadable() {
        String user = newUser();
        JsonNode issued = fromWebApp(client.post().uri(PATH)).headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"procedure\":\"LongVideoPreset\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_APP_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, e -> assertThat(e).contains("Location")
                        .contains("Idempotent-Replayed"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(row(UUID.fromString(issued.get("id").asText())).get("user_id")).isEqualTo(user);
        fromWebApp(client.get().uri(PATH + "/" + issued.get("id").asText())).headers(h -> h.setBearerAuth(tokenFor(user)))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_APP_ORIGIN);
    }

    @Test
    void errorsCarryCorsHeadersSoThePageCanReadTheProblem() {
        fromWebApp(client.post().uri(PATH)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_APP_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        fromWebApp(client.post().uri(PATH)).headers(h -> h.setBearerAuth(tokenFor(newUser())))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"procedure\":\"NotAllowedPreset\"}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_APP_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anotherOriginIsRefusedWithAProblemAndNoRow() {
        String user = newUser();
        client.method(HttpMethod.OPTIONS).uri(PATH).header(HttpHeaders.ORIGIN, OTHER_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        client.post().uri(PATH).header(HttpHeaders.ORIGIN, OTHER_ORIGIN).headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.title").isEqualTo("Cross-origin request refused");

        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ?", user)).isEmpty();
    }

    @Test
    void serverToServerCallsWithoutOriginAreUnaffected() {
        post(newUser(), "{}").expectStatus().isCreated()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S fromWebApp(S spec) {
        spec.header(HttpHeaders.ORIGIN, WEB_APP_ORIGIN);
        return spec;
    }
}
