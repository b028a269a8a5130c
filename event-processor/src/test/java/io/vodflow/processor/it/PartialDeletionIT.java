package io.vodflow.processor.it;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.processor.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** By default a FileDeleted naming only some parts (the shared fixture: OriginalFiles) deletes the media, parts on record. */
class PartialDeletionIT extends ProcessorItSupport {

    @Test
    void theFixturesDeletionOfTheOriginalMarksTheMediaDeletedAndKeepsThePartOnRecord() {
        Ids ids = Ids.fresh();
        String user = "u-parts-default";
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature(user, false))),
                fixture("v3-procedure-finish.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND status = 'READY'",
                ids.fileId()) != null);

        send(ids.fileId(), fixture("v3-file-deleted.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(ids.fileId()).contains("MediaDeleted"));

        assertThat(row("SELECT status FROM media WHERE file_id = ? AND deleted_at IS NOT NULL", ids.fileId()))
                .containsEntry("status", "DELETED");
        assertThat(rows("SELECT part_type, definition FROM media_part_deletion WHERE file_id = ?", ids.fileId()))
                .extracting(r -> r.get("part_type") + "/" + r.get("definition")).containsExactly("OriginalFiles/0");
        http.get().uri("/v1/media/{id}", ids.fileId()).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DELETED")
                .jsonPath("$.deletedAt").isNotEmpty()
                .jsonPath("$.mediaUrl").isEmpty()
                .jsonPath("$.deletedParts[0].type").isEqualTo("OriginalFiles");
        assertThat(typesOf(ids.fileId())).doesNotContain("MediaPartsDeleted");
    }

    private static List<String> typesOf(String fileId) {
        return readTopic(VodTopics.MEDIA_EVENTS).stream().filter(r -> fileId.equals(r.key()))
                .map(r -> header(r, OutboxRelay.EVENT_TYPE_HEADER)).toList();
    }
}
