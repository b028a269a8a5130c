package io.vodflow.signer.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.kit.page.PageCursor;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A user lists their own signatures, newest first, paged and by state; others' lists are for admins only. */
class SignatureListingIT extends SignerITSupport {
    private static final String MINE = "/v1/users/me/upload-signatures";

    private JsonNode list(String token, String uri) {
        return client.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private List<String> issueReusable(String user, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(issue(user, null).get("id").asText());
        }
        return ids;
    }

    @Test
    void theOwnerPagesThroughTheirSignaturesNewestFirstAndFiltersByState() {
        String user = newUser();
        List<String> issued = issueReusable(user, 5);
        issued.add(issue(user, "{\"oneTime\":true}").get("id").asText());
        String revoked = issued.get(1);
        client.delete().uri(PATH + "/" + revoked).headers(h -> h.setBearerAuth(tokenFor(user))).exchange().expectStatus().isNoContent();
        String expired = issued.get(2);
        update("UPDATE upload_signature SET issued_at = to_timestamp(issued_epoch - 3600), issued_epoch = issued_epoch - 3600, "
                + "expires_at = to_timestamp(issued_epoch - 1800) WHERE id = ?", UUID.fromString(expired));

        String token = tokenFor(user);
        JsonNode all = list(token, MINE);
        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(issued);
        assertThat(all.get("hasMore").asBoolean()).isFalse();
        List<Instant> times = new ArrayList<>();
        all.get("items").forEach(item -> times.add(Instant.parse(item.get("issuedAt").asText())));
        assertThat(times).as("newest first").isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(ids(all).get(5)).as("the back-dated one is the oldest").isEqualTo(expired);

        Set<String> paged = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            JsonNode p = list(token, MINE + "?size=2&page=" + page);
            assertThat(ids(p)).hasSize(2);
            assertThat(p.get("hasMore").asBoolean()).isEqualTo(page < 2);
            paged.addAll(ids(p));
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(issued);

        assertThat(ids(list(token, MINE + "?state=REVOKED"))).containsExactly(revoked);
        assertThat(ids(list(token, MINE + "?state=expired"))).containsExactly(expired);
        List<String> usable = new ArrayList<>(issued);
        usable.removeAll(List.of(revoked, expired));
        assertThat(ids(list(token, MINE + "?state=ISSUED"))).containsExactlyInAnyOrderElementsOf(usable);
        assertThat(ids(list(token, MINE + "?state=USED"))).isEmpty();
    }

    @Test
    void aCursorContinuesAfterTheLastItemShownWhileNewSignaturesArrive() {
        String user = newUser();
        List<String> older = issueReusable(user, 5);
        String token = tokenFor(user);
        List<String> seen = new ArrayList<>();
        JsonNode page = list(token, MINE + "?size=2");
        seen.addAll(ids(page));
        issueReusable(user, 3); // newer than everything listed so far: they must not push listed items onto later pages
        while (page.get("hasMore").asBoolean()) {
            page = list(token, MINE + "?size=2&cursor=" + page.get("nextCursor").asText());
            assertThat(page.get("page").asInt()).isZero();
            seen.addAll(ids(page));
        }
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(seen).as("each of the first five exactly once, in the order of the first list")
                .containsExactlyElementsOf(ids(list(token, MINE + "?size=100")).subList(3, 8));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(older);
    }

    @Test
    void anotherUserSeesNoneOfThemAndOnlyAnAdminListsSomeoneElse() {
        String user = newUser();
        String id = issue(user, null).get("id").asText();
        String other = tokenFor(newUser());
        assertThat(ids(list(other, MINE))).isEmpty();
        client.get().uri("/v1/users/" + user + "/upload-signatures").headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ids(list(adminToken(), "/v1/users/" + user + "/upload-signatures"))).containsExactly(id);
        assertThat(ids(list(tokenFor(user), "/v1/users/" + user + "/upload-signatures"))).containsExactly(id);
        client.get().uri(MINE).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void pagingOrAStateOutOfRangeIsABadRequest() {
        String token = tokenFor(newUser());
        for (String query : List.of("?size=0", "?size=101", "?page=-1", "?state=PENDING", "?size=abc", "?page=1e3")) {
            client.get().uri(MINE + query).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(list(token, MINE + "?size=100").get("size").asInt()).isEqualTo(100);
        String fileCursor = new PageCursor(Instant.now(), "not-a-signature-id").encode();
        String goodCursor = new PageCursor(Instant.now(), UUID.randomUUID().toString()).encode();
        for (String query : List.of("?cursor=abc!", "?cursor=" + fileCursor, "?page=1&cursor=" + goodCursor,
                "?cursor=" + goodCursor.substring(3), "?cursor=" + "A".repeat(500))) {
            client.get().uri(MINE + query).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Invalid paging parameters");
        }
        assertThat(ids(list(token, MINE + "?cursor=" + goodCursor))).isEmpty();
        assertThat(list(token, MINE + "?cursor=").get("hasMore").asBoolean()).isFalse();
    }
}
