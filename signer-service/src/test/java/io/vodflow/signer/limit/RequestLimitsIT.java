package io.vodflow.signer.limit;

import io.vodflow.signer.support.TightSignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLimitsIT extends TightSignerITSupport {

    @Test
    void userOverTheRateLimitGets429WithRetryAfterWhileOthersAreServed() {
        String greedy = newUser();
        for (int i = 0; i < 4; i++) {
            issue(greedy, null);
        }
        post(greedy, null).expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 1200L))
                .expectBody().jsonPath("$.rule").isEqualTo("rate-limit");
        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ?", greedy)).hasSize(4);
        issue(newUser(), null);
    }

    @Test
    void outstandingOneTimeSignaturesAreCappedUntilOneIsRevoked() {
        String user = newUser();
        String first = issue(user, "{\"oneTime\":true}").get("id").asText();
        issue(user, "{\"oneTime\":true,\"ttlSeconds\":120}");
        // the wait is until the shorter-lived of the two expires: within its 120 s, not the other's default TTL
        post(user, "{\"oneTime\":true}").expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(100L, 120L))
                .expectBody().jsonPath("$.rule").isEqualTo("oneTime.outstanding")
                .jsonPath("$.nextExpiryAt").isNotEmpty();
        client.delete().uri(PATH + "/" + first).headers(h -> h.setBearerAuth(tokenFor(user))).exchange().expectStatus().isNoContent();
        issue(user, "{\"oneTime\":true}");
        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ? AND state = 'ISSUED' AND one_time", user)).hasSize(2);
    }

    @Test
    void reusableSignaturesDoNotCountAgainstTheOneTimeCap() {
        String user = newUser();
        issue(user, "{\"oneTime\":true}");
        issue(user, "{\"oneTime\":true}");
        issue(user, "{\"oneTime\":false}");
    }
}
