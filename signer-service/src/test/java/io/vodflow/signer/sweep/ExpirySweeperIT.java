package io.vodflow.signer.sweep;

import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExpirySweeperIT extends SignerITSupport {

    @Test
    void issuedSignaturePastItsExpiryIsMarkedExpiredWhileALiveOneStaysIssued() {
        String user = newUser();
        UUID shortLived = UUID.fromString(issue(user, "{\"ttlSeconds\":1}").get("id").asText());
        UUID live = UUID.fromString(issue(user, "{\"ttlSeconds\":3600}").get("id").asText());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(row(shortLived)).containsEntry("state", "EXPIRED"));
        // stored as GET showed it before the sweep: expired when its expiry passed, not when the sweeper came by
        assertThat(row(shortLived).get("expired_at")).isNotNull().isEqualTo(row(shortLived).get("expires_at"));
        assertThat(row(shortLived).get("state_changed_at")).isEqualTo(row(shortLived).get("expires_at"));
        assertThat(row(live)).containsEntry("state", "ISSUED");
        // only exported here: the sweepers of the other test contexts on this database may have marked the rows
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(metrics -> assertThat(metrics).containsPattern("vodflow_sweep_rows_total\\{[^}]*sweep=\"signature-expiry\""));
    }

    @Test
    void sweeperLeavesUsedAndRevokedRowsAlone() {
        String user = newUser();
        UUID used = UUID.fromString(issue(user, "{\"ttlSeconds\":1}").get("id").asText());
        update("UPDATE upload_signature SET state = 'USED', used_at = now(), used_file_id = 'f', state_changed_at = now() WHERE id = ?", used);
        UUID marker = UUID.fromString(issue(user, "{\"ttlSeconds\":1}").get("id").asText());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(row(marker)).containsEntry("state", "EXPIRED"));
        assertThat(row(used)).containsEntry("state", "USED");
        assertThat(row(used).get("expired_at")).isNull();
    }
}
