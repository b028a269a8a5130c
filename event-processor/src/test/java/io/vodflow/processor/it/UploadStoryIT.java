package io.vodflow.processor.it;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The walking-skeleton story: NewFileUpload links the user, ProcedureStateChanged projects the task; any order. */
class UploadStoryIT extends ProcessorItSupport {

    @Test
    void uploadIsLinkedToTheSignersUserAndShowsTheFinishedTranscode() {
        Ids ids = Ids.fresh();
        UUID signature = insertSignature("u-story", false);
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(signature)),
                fixture("v3-procedure-finish.json", ids, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/v1/media/{id}", ids.fileId())
                .headers(h -> h.setBearerAuth(token("u-story"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.fileId").isEqualTo(ids.fileId())
                .jsonPath("$.userId").isEqualTo("u-story")
                .jsonPath("$.signatureId").isEqualTo(signature.toString())
                .jsonPath("$.status").isEqualTo("READY")
                .jsonPath("$.taskId").isEqualTo(ids.taskId())
                .jsonPath("$.taskStatus").isEqualTo("FINISH")
                .jsonPath("$.renditions[0].definition").isEqualTo(100030)
                .jsonPath("$.renditions[0].url").value(url -> assertThat((String) url).endsWith("v.f100030.mp4"))
                .jsonPath("$.renditions[0].width").isEqualTo(1280)
                .jsonPath("$.renditions[0].height").isEqualTo(720)
                .jsonPath("$.renditions[0].bitrate").isEqualTo(2896000)
                .jsonPath("$.renditions[0].size").isEqualTo(21744310)
                .jsonPath("$.coverUrl").value(url -> assertThat((String) url).endsWith("coverBySnapshot_10_0.jpg")));

        Map<String, Object> sig = row("SELECT state, used_file_id FROM upload_signature WHERE id = ?", signature);
        assertThat(sig).containsEntry("state", "USED").containsEntry("used_file_id", ids.fileId());
    }

    @Test
    void reversedAndDuplicatedCallbacksEndInTheSameStateAsInOrder() {
        Ids inOrder = Ids.fresh();
        Ids reversed = Ids.fresh();
        UUID s1 = insertSignature("u-order", true);
        UUID s2 = insertSignature("u-order", true);
        send(inOrder.fileId(), fixture("v3-new-file-upload.json", inOrder, codec.issue(s1)),
                fixture("v3-procedure-change-processing.json", inOrder, null),
                fixture("v3-procedure-finish.json", inOrder, null));
        byte[] upload = fixture("v3-new-file-upload.json", reversed, codec.issue(s2));
        byte[] processing = fixture("v3-procedure-change-processing.json", reversed, null);
        byte[] finish = fixture("v3-procedure-finish.json", reversed, null);
        send(reversed.fileId(), finish, finish, processing, upload, processing, upload);

        for (Ids ids : List.of(inOrder, reversed)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<String, Object> m = row("SELECT attribution, status FROM media WHERE file_id = ?", ids.fileId());
                return m != null && "LINKED".equals(m.get("attribution")) && "READY".equals(m.get("status"));
            });
        }
        assertThat(state(reversed)).isEqualTo(state(inOrder));
        assertThat(row("SELECT status, progress FROM procedure_task WHERE task_id = ?", reversed.taskId()))
                .containsEntry("status", "FINISH").containsEntry("progress", 100);
        assertThat(rows("SELECT status, progress FROM task_result WHERE task_id = ? AND type = 'Transcode'", reversed.taskId()))
                .containsExactly(Map.of("status", "SUCCESS", "progress", 100));
    }

    @Test
    void uploadWithoutAValidSourceContextIsKeptUnattributedWithTheReason() {
        Ids missing = Ids.fresh();
        Ids forged = Ids.fresh();
        send(missing.fileId(), fixture("v3-new-file-upload.json", missing, ""));
        send(forged.fileId(), fixture("v3-new-file-upload.json", forged, "vf1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT 1 FROM media WHERE file_id IN (?, ?)",
                missing.fileId(), forged.fileId()).size() == 2);
        assertThat(row("SELECT attribution, attribution_reason, user_id FROM media WHERE file_id = ?", missing.fileId()))
                .containsEntry("attribution", "UNATTRIBUTED").containsEntry("attribution_reason", "sourceContext missing")
                .containsEntry("user_id", null);
        assertThat(row("SELECT attribution, attribution_reason FROM media WHERE file_id = ?", forged.fileId()))
                .containsEntry("attribution", "UNATTRIBUTED")
                .hasEntrySatisfying("attribution_reason", r -> assertThat((String) r).startsWith("sourceContext invalid"));

        http.get().uri("/v1/media/{id}", missing.fileId()).headers(h -> h.setBearerAuth(token("u-anyone"))).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/v1/media/{id}", missing.fileId()).headers(h -> h.setBearerAuth(token("ops", "admin"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.userId").doesNotExist()
                .jsonPath("$.status").isEqualTo("UPLOADED");
    }

    @Test
    void otherUsersGetANotFoundProblemAndAnonymousCallersAreRefused() {
        Ids ids = Ids.fresh();
        UUID signature = insertSignature("u-owner", false);
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(signature)));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", ids.fileId()) != null);

        http.get().uri("/v1/media/{id}", ids.fileId()).headers(h -> h.setBearerAuth(token("u-intruder"))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
        http.get().uri("/v1/media/{id}", ids.fileId()).exchange().expectStatus().isUnauthorized();
        http.get().uri("/v1/media/{id}", ids.fileId()).headers(h -> h.setBearerAuth(token("ops", "admin"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.userId").isEqualTo("u-owner");
    }

    private static List<Object> state(Ids ids) {
        Map<String, Object> media = row("""
                SELECT user_id, attribution, attribution_reason, name, media_url, basic_cover_url, snapshot_cover_url,
                       size_bytes, duration_s, width, height, bitrate, container, status, status_rank, deleted_at
                FROM media WHERE file_id = ?""", ids.fileId());
        Map<String, Object> task = row("""
                SELECT status, status_rank, progress, err_code, message, notify_mode, session_context
                FROM procedure_task WHERE task_id = ?""", ids.taskId());
        List<Map<String, Object>> results = rows("""
                SELECT type, definition, status, progress, err_code_ext, message, replace(url, ?, 'F') AS url, width, height,
                       bitrate, size_bytes, duration_s, container, md5, replace(cover_url, ?, 'F') AS cover_url
                FROM task_result WHERE task_id = ? ORDER BY type, definition""", ids.fileId(), ids.fileId(), ids.taskId());
        media.computeIfPresent("media_url", (k, v) -> ((String) v).replace(ids.fileId(), "F"));
        media.computeIfPresent("snapshot_cover_url", (k, v) -> ((String) v).replace(ids.fileId(), "F"));
        return List.of(media, task, results);
    }
}
