package io.vodflow.processor.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.processor.ingest.CallbackConsumer;
import org.apache.kafka.common.utils.Utils;
import io.vodflow.processor.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 5 rules: one-time conflicts, forward-only status and progress, deletes, unknown types, legacy v2. */
class CorrelationRulesIT extends ProcessorItSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MeterRegistry meters;

    @Autowired
    CallbackConsumer consumer;

    @Test
    void oneTimeSignatureClaimedByASecondFileIdIsNotLinkedAgainButRecordedAndCounted() {
        Ids first = Ids.fresh();
        Ids second = Ids.fresh();
        UUID signature = insertSignature("u-once", true);
        String context = codec.issue(signature);
        double before = meters.counter("vodflow.processor.signature.conflicts").count();
        send(first.fileId(), fixture("v3-new-file-upload.json", first, context));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", first.fileId()) != null);
        send(second.fileId(), fixture("v3-new-file-upload.json", second, context));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", second.fileId()) != null);

        assertThat(row("SELECT attribution, user_id FROM media WHERE file_id = ?", first.fileId()))
                .containsEntry("attribution", "LINKED").containsEntry("user_id", "u-once");
        assertThat(row("SELECT attribution, user_id, attribution_reason FROM media WHERE file_id = ?", second.fileId()))
                .containsEntry("attribution", "CONFLICT").containsEntry("user_id", null)
                .hasEntrySatisfying("attribution_reason", r -> assertThat((String) r).contains(first.fileId()));
        assertThat(row("SELECT file_id, linked_file_id, user_id FROM signature_conflict WHERE signature_id = ?", signature))
                .containsEntry("file_id", second.fileId()).containsEntry("linked_file_id", first.fileId())
                .containsEntry("user_id", "u-once");
        assertThat(row("SELECT used_file_id FROM upload_signature WHERE id = ?", signature)).containsEntry("used_file_id", first.fileId());
        assertThat(meters.counter("vodflow.processor.signature.conflicts").count()).isEqualTo(before + 1);
    }

    @Test
    void aOneTimeSignatureClaimedAtOnceFromTwoPartitionsIsLinkedExactlyOnce() {
        for (int round = 0; round < 5; round++) {
            Ids a = Ids.fresh();
            Ids b = Ids.fresh();
            while (partitionOf(b.fileId()) == partitionOf(a.fileId())) {
                b = Ids.fresh();
            }
            Ids first = a;
            Ids second = b;
            UUID signature = insertSignature("u-race", true);
            String context = codec.issue(signature);
            // different partitions: whether one poll's transaction takes both or two transactions race for the
            // signature row (rounds differ by timing), exactly one upload is linked
            send(first.fileId(), fixture("v3-new-file-upload.json", first, context));
            send(second.fileId(), fixture("v3-new-file-upload.json", second, context));
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT 1 FROM media WHERE file_id IN (?, ?)",
                    first.fileId(), second.fileId()).size() == 2);

            List<Map<String, Object>> media = rows("SELECT file_id, attribution, user_id FROM media WHERE file_id IN (?, ?)",
                    first.fileId(), second.fileId());
            assertThat(media).extracting(m -> m.get("attribution")).containsExactlyInAnyOrder("LINKED", "CONFLICT");
            Object linked = media.stream().filter(m -> "LINKED".equals(m.get("attribution"))).findFirst().orElseThrow().get("file_id");
            Object refused = linked.equals(first.fileId()) ? second.fileId() : first.fileId();
            assertThat(row("SELECT used_file_id FROM upload_signature WHERE id = ?", signature)).containsEntry("used_file_id", linked);
            assertThat(rows("SELECT file_id, linked_file_id FROM signature_conflict WHERE signature_id = ?", signature))
                    .singleElement().isEqualTo(Map.of("file_id", refused, "linked_file_id", linked));
        }
    }

    @Test
    void aSecondUserClaimingAnAttributedFileNeitherTakesItNorUsesUpTheirSignature() {
        Ids file = Ids.fresh();
        UUID owners = insertSignature("u-owner", false);
        UUID others = insertSignature("u-other", true);
        linkedUpload(file, owners);
        // same key, so the marker after the second claim is applied only once the claim was
        Ids marker = new Ids(file.fileId(), Ids.fresh().taskId());
        send(file.fileId(), fixture("v3-new-file-upload.json", file, codec.issue(others)),
                fixture("v3-procedure-change-processing.json", marker, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ?", marker.taskId()) != null);

        assertThat(row("SELECT user_id, signature_id FROM media WHERE file_id = ?", file.fileId()))
                .containsEntry("user_id", "u-owner").containsEntry("signature_id", owners);
        assertThat(row("SELECT state, used_file_id FROM upload_signature WHERE id = ?", others))
                .containsEntry("state", "ISSUED").containsEntry("used_file_id", null);

        Ids own = Ids.fresh();
        send(own.fileId(), fixture("v3-new-file-upload.json", own, codec.issue(others)));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", own.fileId()) != null);
        assertThat(row("SELECT attribution, user_id FROM media WHERE file_id = ?", own.fileId()))
                .containsEntry("attribution", "LINKED").containsEntry("user_id", "u-other");
        assertThat(row("SELECT state, used_file_id FROM upload_signature WHERE id = ?", others))
                .containsEntry("state", "USED").containsEntry("used_file_id", own.fileId());
    }

    @Test
    void aStrayClaimOnAnAttributedFileDoesNotTurnTheSameBatchsRealUploadIntoAConflict() {
        Ids file = Ids.fresh();
        UUID owners = insertSignature("u-owner", false);
        UUID others = insertSignature("u-other", true);
        linkedUpload(file, owners);
        // sent while the consumer is stopped, to one partition: the stray claim and the other user's real upload are
        // then read in one poll and applied in one batch
        Ids own = Ids.fresh();
        consumer.stop();
        try {
            send(file.fileId(), fixture("v3-new-file-upload.json", file, codec.issue(others)),
                    fixture("v3-new-file-upload.json", own, codec.issue(others)));
        } finally {
            consumer.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", own.fileId()) != null);

        assertThat(row("SELECT attribution, user_id FROM media WHERE file_id = ?", own.fileId()))
                .containsEntry("attribution", "LINKED").containsEntry("user_id", "u-other");
        assertThat(row("SELECT user_id FROM media WHERE file_id = ?", file.fileId())).containsEntry("user_id", "u-owner");
        assertThat(row("SELECT state, used_file_id FROM upload_signature WHERE id = ?", others))
                .containsEntry("state", "USED").containsEntry("used_file_id", own.fileId());
        assertThat(row("SELECT count(*) AS n FROM signature_conflict WHERE signature_id = ?", others)).containsEntry("n", 0L);
    }

    /** Uploads {@code file} under {@code signature} and waits until it is linked. */
    private void linkedUpload(Ids file, UUID signature) {
        send(file.fileId(), fixture("v3-new-file-upload.json", file, codec.issue(signature)));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND attribution = 'LINKED'",
                file.fileId()) != null);
    }

    @Test
    void timesPostgresCannotStoreAreDroppedAndTheRestOfTheEventsApplied() {
        Ids ids = Ids.fresh();
        UUID signature = insertSignature("u-y10k", false);
        byte[] upload = replace(fixture("v3-new-file-upload.json", ids, codec.issue(signature)),
                "\"CreateTime\": \"2025-03-02T08:15:40Z\"", "\"CreateTime\": \"+10000-01-01T00:00:00Z\"");
        byte[] finish = replace(fixture("v3-procedure-finish.json", ids, null),
                "\"FinishTime\": \"2025-03-02T08:16:31Z\"", "\"FinishTime\": \"-290000-01-01T00:00:00Z\"");
        send(ids.fileId(), upload, finish);
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND status = 'READY'",
                ids.fileId()) != null);
        assertThat(row("SELECT attribution, user_id, uploaded_at FROM media WHERE file_id = ?", ids.fileId()))
                .containsEntry("attribution", "LINKED").containsEntry("user_id", "u-y10k").containsEntry("uploaded_at", null);
        assertThat(row("SELECT state FROM upload_signature WHERE id = ?", signature)).containsEntry("state", "USED");
        assertThat(row("SELECT status FROM procedure_task WHERE task_id = ?", ids.taskId())).containsEntry("status", "FINISH");
    }

    private static byte[] replace(byte[] body, String from, String to) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    @Test
    void changeModeProgressOnlyMovesForwardAndALateProcessingNeverUndoesFinish() {
        Ids ids = Ids.fresh();
        byte[] at40 = fixture("v3-procedure-change-processing.json", ids, null);
        byte[] at80 = new String(at40, StandardCharsets.UTF_8).replace("\"Progress\": 40", "\"Progress\": 80").getBytes(StandardCharsets.UTF_8);
        send(ids.fileId(), at80, at40);
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ?", ids.taskId()) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(80).equals(
                row("SELECT progress FROM task_result WHERE task_id = ?", ids.taskId()).get("progress")));

        send(ids.fileId(), fixture("v3-procedure-finish.json", ids, null), at40, at80);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FINISH".equals(
                row("SELECT status FROM procedure_task WHERE task_id = ?", ids.taskId()).get("status")));
        // the late PROCESSING records sit behind the FINISH on the same partition: once a later marker is applied they were too
        Ids marker = Ids.fresh();
        send(ids.fileId(), fixture("v3-procedure-change-processing.json", new Ids(ids.fileId(), marker.taskId()), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ?", marker.taskId()) != null);

        assertThat(row("SELECT status, progress FROM procedure_task WHERE task_id = ?", ids.taskId()))
                .containsEntry("status", "FINISH").containsEntry("progress", 100);
        assertThat(row("SELECT status, progress, url FROM task_result WHERE task_id = ? AND type = 'Transcode'", ids.taskId()))
                .containsEntry("status", "SUCCESS").containsEntry("progress", 100)
                .hasEntrySatisfying("url", u -> assertThat((String) u).endsWith("v.f100030.mp4"));
    }

    @Test
    void failedTranscodeKeepsTheSubtaskErrorAndMarksTheMediaFailed() {
        Ids ids = Ids.fresh();
        send(ids.fileId(), fixture("v3-procedure-finish-transcode-failed.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM task_result WHERE task_id = ?", ids.taskId()) != null);
        assertThat(row("SELECT status, err_code, err_code_ext, message, definition FROM task_result WHERE task_id = ?", ids.taskId()))
                .containsEntry("status", "FAIL").containsEntry("err_code", 30010).containsEntry("err_code_ext", "InternalError")
                .containsEntry("message", "source file error").containsEntry("definition", 100040);
        assertThat(row("SELECT status, attribution FROM media WHERE file_id = ?", ids.fileId()))
                .containsEntry("status", "FAILED").containsEntry("attribution", "PENDING");
    }

    @Test
    void fileDeletedMarksTheMediaDeletedAndUnknownTypesAreStoredRawAndCounted() {
        Ids ids = Ids.fresh();
        UUID signature = insertSignature("u-del", false);
        double unknownBefore = meters.counter("vodflow.processor.unknown.events").count();
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(signature)), Fixtures.deletion(ids.fileId()));
        send("1500000001-future-1", fixture("v3-unknown-event-type.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT deleted_at FROM media WHERE file_id = ? AND deleted_at IS NOT NULL", ids.fileId()) != null);
        assertThat(row("SELECT status, user_id FROM media WHERE file_id = ?", ids.fileId()))
                .containsEntry("status", "DELETED").containsEntry("user_id", "u-del");

        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM unknown_event WHERE task_id = '1500000001-future-1'") != null);
        Map<String, Object> unknown = row("SELECT event_type, raw_body FROM unknown_event WHERE task_id = '1500000001-future-1'");
        assertThat(unknown).containsEntry("event_type", "SomeFutureEvent");
        assertThat((String) unknown.get("raw_body")).contains("\"Nested\"");
        assertThat(meters.counter("vodflow.processor.unknown.events").count()).isGreaterThanOrEqualTo(unknownBefore + 1);
    }

    @Test
    void legacyV2CallbacksMapOntoTheSameModel() {
        Ids ids = new Ids(Ids.fresh().fileId(), "1500000001-procedure-v2-" + UUID.randomUUID());
        UUID signature = insertSignature("u-v2", false);
        byte[] upload = fixture("v2-new-file-upload.json", ids, codec.issue(signature));
        byte[] finish = fixture("v2-procedure-finish.json", ids, null);
        upload = new String(upload, StandardCharsets.UTF_8).replace("1500000001-procedure-6a7b8c9d0e1f", ids.taskId()).getBytes(StandardCharsets.UTF_8);
        finish = new String(finish, StandardCharsets.UTF_8).replace("1500000001-procedure-6a7b8c9d0e1f", ids.taskId()).getBytes(StandardCharsets.UTF_8);
        send(ids.fileId(), finish, upload);
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND attribution = 'LINKED'", ids.fileId()) != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/v1/media/{id}", ids.fileId())
                .headers(h -> h.setBearerAuth(token("u-v2"))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.taskStatus").isEqualTo("FINISH")
                .jsonPath("$.status").isEqualTo("READY")
                .jsonPath("$.renditions[0].definition").isEqualTo(20)
                .jsonPath("$.renditions[0].height").isEqualTo(480));
    }

    @Test
    void aSubtaskWithoutATypeKeepsItsEventAndADeletionNamingNoFileIsKeptRaw() throws Exception {
        Ids ids = Ids.fresh();
        ObjectNode finish = (ObjectNode) JSON.readTree(fixture("v3-procedure-finish.json", ids, null));
        ArrayNode results = (ArrayNode) finish.findValue("MediaProcessResultSet");
        results.add(JSON.readTree("{\"SampleSnapshotTask\":{\"Status\":\"SUCCESS\",\"Progress\":100}}"));
        results.add(JSON.readTree("{\"Type\":\"\",\"CoverBySnapshotTask\":{\"Status\":\"SUCCESS\",\"Progress\":100}}"));
        String marker = "empty-delete-" + ids.fileId();
        byte[] emptyDelete = ("{\"EventType\":\"FileDeleted\",\"FileDeleteEvent\":{\"FileIdSet\":[]},\"Note\":\"" + marker + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        send(ids.fileId(), JSON.writeValueAsBytes(finish), emptyDelete);

        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM unknown_event WHERE raw_body LIKE ?", "%" + marker + "%") != null);
        assertThat(row("SELECT status FROM procedure_task WHERE task_id = ?", ids.taskId())).containsEntry("status", "FINISH");
        assertThat(row("SELECT status FROM media WHERE file_id = ?", ids.fileId())).containsEntry("status", "READY");
        assertThat(rows("SELECT type FROM task_result WHERE task_id = ?", ids.taskId()))
                .extracting(r -> r.get("type")).contains("Transcode", "Untyped");
        assertThat(row("SELECT event_type FROM unknown_event WHERE raw_body LIKE ?", "%" + marker + "%"))
                .containsEntry("event_type", "FileDeleted");
    }
}
