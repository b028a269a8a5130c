package io.vodflow.signer.issue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.signer.support.IndependentSignatureDecoder;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that retries after a lost answer sends the same Idempotency-Key: it gets the signature first issued,
 * no second row, nothing more counted against its one-time cap; a key reused for another request is refused.
 */
class IdempotentIssueIT extends SignerITSupport {
    private static final String ONE_TIME = "{\"oneTime\":true,\"procedure\":\"LongVideoPreset\"}";

    private WebTestClient.ResponseSpec post(String user, String key, String json) {
        return client.post().uri(PATH).headers(h -> {
            h.setBearerAuth(tokenFor(user));
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static long rowsOf(String user) {
        return (long) query("SELECT count(*) AS n FROM upload_signature WHERE user_id = ?", user).get(0).get("n");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameSignatureAndNoSecondRow() {
        String user = newUser();
        String key = UUID.randomUUID().toString();
        EntityExchangeResult<JsonNode> first = post(user, key, ONE_TIME).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed").expectBody(JsonNode.class).returnResult();
        JsonNode original = first.getResponseBody();
        assertThat(original.has("replayed")).isFalse();

        JsonNode again = post(user, key, ONE_TIME).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().location(PATH + "/" + original.get("id").asText())
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("replayed").asBoolean()).isTrue();
        for (String field : List.of("id", "signature", "sourceContext", "issuedAt", "expiresAt", "oneTime", "procedure")) {
            assertThat(again.get(field)).as(field).isEqualTo(original.get(field));
        }
        var decoded = IndependentSignatureDecoder.decode(again.get("signature").asText(), PRIMARY_KEY);
        assertThat(decoded.macValid()).isTrue();
        assertThat(decoded.params()).containsEntry("oneTimeValid", "1").containsEntry("procedure", "LongVideoPreset");
        assertThat(rowsOf(user)).isEqualTo(1);

        client.get().uri(PATH + "/" + original.get("id").asText()).headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.idempotencyKey").isEqualTo(key);
        // the quoted form of the IETF draft names the same key
        post(user, "\"" + key + "\"", ONE_TIME).expectStatus().isCreated().expectBody()
                .jsonPath("$.id").isEqualTo(original.get("id").asText());
    }

    @Test
    void aRetryIsNotCountedAgainstTheOneTimeCap() {
        String user = newUser();
        for (int i = 1; i <= 3; i++) {
            post(user, "cap-" + i, ONE_TIME).expectStatus().isCreated();
        }
        post(user, "cap-3", ONE_TIME).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        post(user, "cap-4", ONE_TIME).expectStatus().isEqualTo(429).expectBody().jsonPath("$.rule").isEqualTo("oneTime.outstanding");
        assertThat(rowsOf(user)).isEqualTo(3);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedAndEachUserHasKeysOfItsOwn() {
        String user = newUser();
        String id = post(user, "shared-key", ONE_TIME).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asText();
        post(user, "shared-key", "{\"oneTime\":true,\"procedure\":\"ShortVideoPreset\"}").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("idempotency.reused");
        post(user, "shared-key", "{}").expectStatus().isEqualTo(422);

        String other = newUser();
        post(other, "shared-key", ONE_TIME).expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody().jsonPath("$.id").value(otherId -> assertThat(otherId).isNotEqualTo(id));
        assertThat(rowsOf(user)).isEqualTo(1);
        assertThat(rowsOf(other)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyShareOneRow() {
        for (String body : List.of(ONE_TIME, "{\"procedure\":\"LongVideoPreset\"}")) {
            String user = newUser();
            Set<String> ids = Flux.range(0, 24).parallel(12).runOn(Schedulers.boundedElastic())
                    .map(i -> post(user, "burst", body).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                            .getResponseBody().get("id").asText())
                    .sequential().collectList().block().stream().collect(Collectors.toSet());
            assertThat(ids).as("ids answered for " + body).hasSize(1);
            assertThat(rowsOf(user)).isEqualTo(1);
        }
    }

    @Test
    void concurrentRetriesForTheLastPlaceUnderTheCapAllGetTheOneSignature() {
        String user = newUser();
        post(user, "held-1", ONE_TIME).expectStatus().isCreated();
        post(user, "held-2", ONE_TIME).expectStatus().isCreated();
        // the cap is 3: whichever request inserts takes the last place, and every other one is its retry, not a 4th
        List<Integer> statuses = Flux.range(0, 24).parallel(12).runOn(Schedulers.boundedElastic())
                .map(i -> post(user, "last-place", ONE_TIME).returnResult(String.class).getStatus().value())
                .sequential().collectList().block();
        assertThat(statuses).containsOnly(201);
        assertThat(rowsOf(user)).isEqualTo(3);
    }

    @Test
    void aKeyWhoseSignatureCanNoLongerUploadIsSpent() {
        String user = newUser();
        for (String state : List.of("REVOKED", "EXPIRED", "USED")) {
            UUID id = UUID.fromString(post(user, "spent-" + state, ONE_TIME).expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText());
            update("UPDATE upload_signature SET state = ?, state_changed_at = now() WHERE id = ?", state, id);
            post(user, "spent-" + state, ONE_TIME).expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.rule").isEqualTo("idempotency.spent").jsonPath("$.state").isEqualTo(state);
        }
        // a reusable signature still uploads after its first upload: its retry is answered as before
        String reusable = "{\"procedure\":\"LongVideoPreset\"}";
        UUID id = UUID.fromString(post(user, "reusable", reusable).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText());
        update("UPDATE upload_signature SET state = 'USED', state_changed_at = now() WHERE id = ?", id);
        post(user, "reusable", reusable).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(rowsOf(user)).isEqualTo(4);
    }

    @Test
    void aMalformedKeyIs400AndIssuesNothing() {
        String user = newUser();
        for (String key : List.of("", "has space", "x".repeat(129), "in\"side", "\"\"")) {
            post(user, key, ONE_TIME).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Malformed Idempotency-Key");
        }
        client.post().uri(PATH).headers(h -> {
            h.setBearerAuth(tokenFor(user));
            h.add("Idempotency-Key", "one");
            h.add("Idempotency-Key", "two");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(ONE_TIME).exchange().expectStatus().isBadRequest();
        assertThat(rowsOf(user)).isZero();
        post(user, "x".repeat(128), ONE_TIME).expectStatus().isCreated();
    }
}
