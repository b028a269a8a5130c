package io.vodflow.signer.sweep;

import io.vodflow.signer.issue.SignatureIds;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With a retention of 7 days, rows whose expiry is older are deleted; younger ones and live ones stay. */
@TestPropertySource(properties = "vodflow.signer.sweeper.retention=7d")
class RetiredSignaturePrunerIT extends SignerITSupport {
    private static final long DAY = 86_400;

    /** Moves an issued row into the past: the id it would have had then, issued and expired so many seconds ago. */
    private UUID backdate(String user, UUID newId, long issuedAgo, long expiredAgo) {
        UUID id = UUID.fromString(issue(user, null).get("id").asText());
        update("""
                UPDATE upload_signature SET id = ?, issued_epoch = floor(extract(epoch FROM now()))::bigint - ?,
                    issued_at = to_timestamp(floor(extract(epoch FROM now()))::bigint - ?),
                    expires_at = to_timestamp(floor(extract(epoch FROM now()))::bigint - ?),
                    state_changed_at = now() - make_interval(secs => ?)
                WHERE id = ?""", newId, issuedAgo, issuedAgo, expiredAgo, (double) expiredAgo, id);
        return newId;
    }

    private static boolean exists(UUID id) {
        return !query("SELECT 1 FROM upload_signature WHERE id = ?", id).isEmpty();
    }

    private static UUID idAt(long secondsAgo) {
        return new SignatureIds().next(Instant.now().minusSeconds(secondsAgo));
    }

    @Test
    void rowsExpiredLongerThanTheRetentionAreDeletedAndTheRestStay() {
        String user = newUser();
        UUID old = backdate(user, idAt(10 * DAY), 10 * DAY, 9 * DAY);
        update("UPDATE upload_signature SET state = 'USED', used_at = now(), used_file_id = 'f-old' WHERE id = ?", old);
        UUID oldExpired = backdate(user, idAt(8 * DAY), 8 * DAY, 8 * DAY - 7200);
        UUID young = backdate(user, idAt(6 * DAY), 6 * DAY, 6 * DAY - 3600);
        // random (pre-version-7) ids below the cut-off's: the expiry alone decides
        UUID randomOld = backdate(user, UUID.fromString("00c0ffee-0000-4000-8000-000000000001"), 40 * DAY, 30 * DAY);
        UUID randomYoung = backdate(user, UUID.fromString("00c0ffee-0000-4000-8000-000000000002"), 2 * DAY, DAY);
        UUID live = UUID.fromString(issue(user, null).get("id").asText());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(exists(old)).isFalse();
            assertThat(exists(oldExpired)).isFalse();
            assertThat(exists(randomOld)).isFalse();
        });
        assertThat(exists(young)).isTrue();
        assertThat(exists(randomYoung)).isTrue();
        assertThat(row(live)).containsEntry("state", "ISSUED");
        client.get().uri(PATH + "/" + old).headers(h -> h.setBearerAuth(tokenFor(user))).exchange().expectStatus().isNotFound();
        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher deleted = Pattern.compile("vodflow_sweep_rows_total\\{[^}]*sweep=\"signature-retention\"[^}]*\\} ([0-9.]+)")
                .matcher(metrics);
        assertThat(deleted.find()).as("the retention sweep's row counter").isTrue();
        assertThat(Double.parseDouble(deleted.group(1))).isGreaterThanOrEqualTo(3);
        assertThat(metrics).containsPattern("vodflow_sweep_failures_total\\{[^}]*sweep=\"signature-retention\"");
    }
}
