package io.vodflow.signer.issue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.signer.support.ScriptedRandom;
import io.vodflow.signer.support.TightSignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomCollisionIT extends TightSignerITSupport {

    @Autowired
    ScriptedRandom random;

    @Test
    void databaseRefusesARepeatedRandomForOneSecretIdAndSecond() {
        long now = Instant.now().getEpochSecond();
        insertBlocker(now, 99L);
        assertThatThrownBy(() -> insertBlocker(now, 99L)).hasMessageContaining("upload_signature_random_unique");
    }

    @Test
    void takenRandomIsRedrawnAndTheSignatureCarriesTheFreshOne() {
        long now = Instant.now().getEpochSecond();
        // occupy random 4242 for the next few seconds, whichever second the request lands in
        for (long s = now - 1; s <= now + 5; s++) {
            insertBlocker(s, 4242L);
        }
        random.script(4242L, 4243L);
        JsonNode issued = issue(newUser(), null);
        assertThat(row(UUID.fromString(issued.get("id").asText()))).containsEntry("random", 4243L);
    }

    @Test
    void randomsTakenOnEveryAttemptAnswer503WithRetryAfterAndLeaveNoRow() {
        long now = Instant.now().getEpochSecond();
        for (long s = now - 1; s <= now + 5; s++) {
            insertBlocker(s, 5151L);
        }
        random.script(5151L, 5151L, 5151L, 5151L, 5151L); // the default five attempts, all taken
        String user = newUser();
        post(user, null).expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "1")
                .expectBody().jsonPath("$.title").isEqualTo("Signature store unavailable")
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("random"));
        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ?", user)).isEmpty();
    }

    private static void insertBlocker(long epoch, long rnd) {
        update("""
                INSERT INTO upload_signature (id, user_id, secret_id, random, issued_epoch, issued_at, expires_at, source_context,
                    state_changed_at)
                VALUES (?, 'blocker', ?, ?, ?, to_timestamp(?), to_timestamp(?) + interval '1 hour', 'x', now())""",
                UUID.randomUUID(), NEXT_ID, rnd, epoch, epoch, epoch);
    }
}
