package io.vodflow.processor.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.processor.outbox.OutboxRelay;
import io.vodflow.processor.support.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** FileDeleted with DeleteParts: the media stays, the named parts go (rows, query view, MediaPartsDeleted). */
class PartialDeletionIT extends ProcessorItSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RENDITION_100030 = "{\"Type\":\"TranscodeFiles\",\"Definition\":100030}";
    private static final String ORIGINAL = "{\"Type\":\"OriginalFiles\"}";

    @Test
    void aPartialDeletionKeepsTheMediaAndHidesTheRemovedParts() throws Exception {
        Ids ids = Ids.fresh();
        String user = "u-parts";
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature(user, false))),
                fixture("v3-procedure-finish.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND status = 'READY'",
                ids.fileId()) != null);

        byte[] deletion = Fixtures.deletion(ids.fileId(), RENDITION_100030, ORIGINAL);
        send(ids.fileId(), deletion);
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(ids.fileId()).contains("MediaPartsDeleted"));

        assertThat(row("SELECT status, deleted_at, user_id FROM media WHERE file_id = ?", ids.fileId()))
                .containsEntry("status", "READY").containsEntry("deleted_at", null).containsEntry("user_id", user);
        assertThat(rows("SELECT part_type, definition FROM media_part_deletion WHERE file_id = ? ORDER BY part_type", ids.fileId()))
                .extracting(r -> r.get("part_type") + "/" + r.get("definition"))
                .containsExactly("OriginalFiles/0", "TranscodeFiles/100030");
        http.get().uri("/v1/media/{id}", ids.fileId()).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("READY")
                .jsonPath("$.mediaUrl").isEmpty()
                .jsonPath("$.originalDeletedAt").isNotEmpty()
                .jsonPath("$.renditions.length()").isEqualTo(0)
                .jsonPath("$.deletedParts.length()").isEqualTo(2)
                .jsonPath("$.deletedParts[?(@.type == 'TranscodeFiles')].definition").isEqualTo(100030);

        JsonNode event = JSON.readTree(eventsOf(ids.fileId()).stream()
                .filter(r -> "MediaPartsDeleted".equals(header(r, OutboxRelay.EVENT_TYPE_HEADER))).findFirst().orElseThrow().value());
        assertThat(event.get("userId").asText()).isEqualTo(user);
        assertThat(event.get("status").asText()).isEqualTo("READY");
        assertThat(event.get("deletedParts")).hasSize(2);

        // a redelivery of the same callback is a duplicate; a later whole deletion still deletes the media
        send(ids.fileId(), deletion, Fixtures.deletion(ids.fileId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(ids.fileId()).contains("MediaDeleted"));
        assertThat(typesOf(ids.fileId())).filteredOn("MediaPartsDeleted"::equals).hasSize(1);
        assertThat(row("SELECT status FROM media WHERE file_id = ? AND deleted_at IS NOT NULL", ids.fileId()))
                .containsEntry("status", "DELETED");
    }

    @Test
    void aRenditionDeletedBeforeItsCallbacksArriveStaysHiddenAndTheUploadStillLinks() {
        Ids ids = Ids.fresh();
        String user = "u-parts-early";
        send(ids.fileId(), Fixtures.deletion(ids.fileId(), RENDITION_100030));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media_part_deletion WHERE file_id = ?",
                ids.fileId()) != null);
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature(user, false))),
                fixture("v3-procedure-finish.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND status = 'READY'",
                ids.fileId()) != null);

        assertThat(row("SELECT attribution, user_id FROM media WHERE file_id = ?", ids.fileId()))
                .containsEntry("attribution", "LINKED").containsEntry("user_id", user);
        http.get().uri("/v1/media/{id}", ids.fileId()).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.mediaUrl").isNotEmpty()
                .jsonPath("$.originalDeletedAt").isEmpty()
                .jsonPath("$.renditions.length()").isEqualTo(0)
                .jsonPath("$.deletedParts[0].type").isEqualTo("TranscodeFiles");
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(String fileId) {
        return readTopic(VodTopics.MEDIA_EVENTS).stream().filter(r -> fileId.equals(r.key())).toList();
    }

    private static List<String> typesOf(String fileId) {
        return eventsOf(fileId).stream().map(r -> header(r, OutboxRelay.EVENT_TYPE_HEADER)).toList();
    }
}
