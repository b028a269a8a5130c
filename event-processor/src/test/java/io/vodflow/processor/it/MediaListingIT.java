package io.vodflow.processor.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One user's media for admins (or the user), and the uploads no user is linked to, with the reason, for admins. */
class MediaListingIT extends ProcessorItSupport {

    @Test
    void aUsersMediaIsListedToAdminsAndToTheUserOnly() {
        String user = "u-listed-" + UUID.randomUUID();
        Ids ids = Ids.fresh();
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature(user, false))));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", ids.fileId()) != null);

        http.get().uri("/v1/users/{u}/media", user).headers(h -> h.setBearerAuth(token("ops", "admin"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].fileId").isEqualTo(ids.fileId())
                .jsonPath("$.items[0].userId").isEqualTo(user);
        http.get().uri("/v1/users/{u}/media", user).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].fileId").isEqualTo(ids.fileId());
        http.get().uri("/v1/users/{u}/media", user).headers(h -> h.setBearerAuth(token("u-nosy"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/v1/users/{u}/media?size=0", user).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/v1/users/{u}/media", "x".repeat(1000) + "' OR '1'='1").headers(h -> h.setBearerAuth(token("ops", "admin")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void adminsFindTheUploadsNoUserIsLinkedToWithTheReason() {
        Ids forged = Ids.fresh();
        Ids early = Ids.fresh();
        send(forged.fileId(), fixture("v3-new-file-upload.json", forged, "forged-context"));
        send(early.fileId(), fixture("v3-procedure-finish.json", early, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", forged.fileId()) != null
                && row("SELECT 1 FROM media WHERE file_id = ?", early.fileId()) != null);
        String admin = token("ops", "admin");

        http.get().uri("/v1/admin/media?size=100").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.fileId == '%s')].attribution".formatted(forged.fileId())).isEqualTo("UNATTRIBUTED")
                .jsonPath("$.items[?(@.fileId == '%s')].attributionReason".formatted(forged.fileId())).exists()
                .jsonPath("$.items[?(@.fileId == '%s')].attribution".formatted(early.fileId())).isEqualTo("PENDING")
                .jsonPath("$.items[?(@.attribution == 'LINKED')]").doesNotExist();
        http.get().uri("/v1/admin/media?attribution=unattributed&size=100").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.fileId == '%s')]".formatted(forged.fileId())).exists()
                .jsonPath("$.items[?(@.fileId == '%s')]".formatted(early.fileId())).doesNotExist()
                .jsonPath("$.items[?(@.attribution != 'UNATTRIBUTED')]").doesNotExist();
        List<String> walked = new ArrayList<>();
        List<OffsetDateTime> created = new ArrayList<>();
        JsonNode page = null;
        do {
            String cursor = page == null ? "" : page.get("nextCursor").asText();
            page = http.get().uri("/v1/admin/media?size=2&cursor={c}", cursor).headers(h -> h.setBearerAuth(admin)).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            page.get("items").forEach(m -> {
                walked.add(m.get("fileId").asText());
                created.add(OffsetDateTime.parse(m.get("createdAt").asText()));
            });
        } while (page.get("hasMore").asBoolean());
        assertThat(walked).as("every unlinked media once, by cursor").doesNotHaveDuplicates()
                .contains(forged.fileId(), early.fileId());
        assertThat(created).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
        http.get().uri("/v1/admin/media?attribution=LINKED").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/v1/admin/media").headers(h -> h.setBearerAuth(token("u-plain"))).exchange()
                .expectStatus().isForbidden();
    }
}
