package io.vodflow.signer.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureRecordAccessIT extends SignerITSupport {

    @Test
    void ownerSeesTheRecordWithItsContextButNeverTheSignature() {
        String owner = newUser();
        JsonNode issued = issue(owner, "{\"context\":\"note for me\"}");
        client.get().uri(PATH + "/" + issued.get("id").asText()).headers(h -> h.setBearerAuth(tokenFor(owner)))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(issued.get("id").asText())
                .jsonPath("$.userId").isEqualTo(owner)
                .jsonPath("$.state").isEqualTo("ISSUED")
                .jsonPath("$.context").isEqualTo("note for me")
                .jsonPath("$.secretId").isEqualTo(PRIMARY_ID)
                .jsonPath("$.sourceContext").isEqualTo(issued.get("sourceContext").asText())
                .jsonPath("$.signature").doesNotExist();
    }

    @Test
    void anotherUserGets404AndAnAdminSeesIt() {
        JsonNode issued = issue(newUser(), null);
        String uri = PATH + "/" + issued.get("id").asText();
        client.get().uri(uri).headers(h -> h.setBearerAuth(tokenFor(newUser()))).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(uri).headers(h -> h.setBearerAuth(adminToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(issued.get("id").asText());
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        String user = newUser();
        client.get().uri(PATH + "/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(PATH + "/not-a-uuid").headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isNotFound();
        client.delete().uri(PATH + "/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void ownerRevokesAnIssuedSignatureOnceAndAgainIsANoOp() {
        String owner = newUser();
        String id = issue(owner, null).get("id").asText();
        client.delete().uri(PATH + "/" + id).headers(h -> h.setBearerAuth(tokenFor(owner))).exchange().expectStatus().isNoContent();
        assertThat(row(UUID.fromString(id))).containsEntry("state", "REVOKED");
        assertThat(row(UUID.fromString(id)).get("revoked_at")).isNotNull();
        client.delete().uri(PATH + "/" + id).headers(h -> h.setBearerAuth(tokenFor(owner))).exchange().expectStatus().isNoContent();
    }

    @Test
    void anotherUserCannotRevokeIt() {
        String id = issue(newUser(), null).get("id").asText();
        client.delete().uri(PATH + "/" + id).headers(h -> h.setBearerAuth(tokenFor(newUser()))).exchange().expectStatus().isNotFound();
        assertThat(row(UUID.fromString(id))).containsEntry("state", "ISSUED");
    }

    @Test
    void usedOrExpiredSignaturesCannotBeRevoked() {
        String owner = newUser();
        String used = issue(owner, null).get("id").asText();
        update("UPDATE upload_signature SET state = 'USED', used_at = now(), used_file_id = 'f-1', state_changed_at = now() WHERE id = ?",
                UUID.fromString(used));
        client.delete().uri(PATH + "/" + used).headers(h -> h.setBearerAuth(tokenFor(owner))).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.state").isEqualTo("USED");

        String lapsed = issue(owner, null).get("id").asText();
        // past its expiry but not yet swept: still ISSUED in the table, EXPIRED in effect
        update("UPDATE upload_signature SET issued_epoch = issued_epoch - 7200, issued_at = issued_at - interval '2 hours', "
                + "expires_at = now() - interval '1 second' WHERE id = ?", UUID.fromString(lapsed));
        client.delete().uri(PATH + "/" + lapsed).headers(h -> h.setBearerAuth(tokenFor(owner))).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.state").isEqualTo("EXPIRED");
        assertThat(row(UUID.fromString(lapsed)).get("state")).isIn("ISSUED", "EXPIRED");
        client.get().uri(PATH + "/" + lapsed).headers(h -> h.setBearerAuth(tokenFor(owner))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("EXPIRED")
                .jsonPath("$.expiredAt").isNotEmpty();
    }
}
