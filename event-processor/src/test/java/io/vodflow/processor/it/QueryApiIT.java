package io.vodflow.processor.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.kit.testing.ApiDocs;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Query endpoints, the status page, OpenAPI and the Prometheus metrics. */
class QueryApiIT extends ProcessorItSupport {

    @Test
    void myMediaIsPagedNewestFirstAndShowsOnlyTheCallersUploads() {
        String user = "u-pages-" + UUID.randomUUID();
        List<String> fileIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Ids ids = Ids.fresh();
            fileIds.add(ids.fileId());
            send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature(user, false))));
            await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", ids.fileId()) != null);
        }
        Ids foreign = Ids.fresh();
        send(foreign.fileId(), fixture("v3-new-file-upload.json", foreign, codec.issue(insertSignature("u-foreign", false))));

        String cursor = http.get().uri("/v1/users/me/media?page=0&size=2").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("nextCursor").asText();
        http.get().uri("/v1/users/me/media?page=0&size=2").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].fileId").isEqualTo(fileIds.get(2))
                .jsonPath("$.items[1].fileId").isEqualTo(fileIds.get(1))
                .jsonPath("$.items[0].renditions").doesNotExist()
                .jsonPath("$.items[0].deletedParts").doesNotExist()
                .jsonPath("$.hasMore").isEqualTo(true);
        http.get().uri("/v1/users/me/media?page=1&size=2").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].fileId").isEqualTo(fileIds.get(0))
                .jsonPath("$.hasMore").isEqualTo(false);

        // a newer upload after the first page: page numbers shift onto it, the cursor continues where it stopped
        Ids newer = Ids.fresh();
        send(newer.fileId(), fixture("v3-new-file-upload.json", newer, codec.issue(insertSignature(user, false))));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", newer.fileId()) != null);
        http.get().uri("/v1/users/me/media?page=1&size=2").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].fileId").isEqualTo(fileIds.get(1));
        http.get().uri("/v1/users/me/media?size=2&cursor={c}", cursor).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].fileId").isEqualTo(fileIds.get(0))
                .jsonPath("$.hasMore").isEqualTo(false)
                .jsonPath("$.nextCursor").isEmpty();
        http.get().uri("/v1/users/me/media?size=2&page=1&cursor={c}", cursor).headers(h -> h.setBearerAuth(token(user)))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/v1/users/me/media?size=100000").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFileProcessedAgainShowsItsNewestFlowAndTheRenditionsOfAllOfThem() {
        Ids first = Ids.fresh();
        Ids retry = new Ids(first.fileId(), first.taskId() + "-retry");
        Ids rerun = new Ids(first.fileId(), first.taskId() + "-rerun");
        String user = "u-retry-" + UUID.randomUUID();
        send(first.fileId(), fixture("v3-new-file-upload.json", first, codec.issue(insertSignature(user, false))),
                fixture("v3-procedure-finish-transcode-failed.json", first, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND status = 'FAILED'",
                first.fileId()) != null);

        // ProcessMedia again on the same file: a new task flow that succeeds repairs the media
        send(first.fileId(), fixture("v3-procedure-finish.json", retry, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND status = 'READY'",
                first.fileId()) != null);
        http.get().uri("/v1/media/{id}", first.fileId()).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("READY")
                .jsonPath("$.taskId").isEqualTo(retry.taskId())
                .jsonPath("$.taskStatus").isEqualTo("FINISH")
                .jsonPath("$.renditions.length()").isEqualTo(1)
                .jsonPath("$.renditions[0].definition").isEqualTo(100030);

        // a later run that fails leaves the media playable with what it had
        send(first.fileId(), fixture("v3-procedure-finish-transcode-failed.json", rerun, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ? AND status = 'FINISH'",
                rerun.taskId()) != null);
        http.get().uri("/v1/media/{id}", first.fileId()).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("READY")
                .jsonPath("$.taskId").isEqualTo(rerun.taskId())
                .jsonPath("$.renditions.length()").isEqualTo(1)
                .jsonPath("$.renditions[0].definition").isEqualTo(100030);
    }

    @Test
    void anUploadNamingAnotherFilesTaskIdShowsNeitherThatTaskNorItsRenditions() {
        Ids owners = Ids.fresh();
        send(owners.fileId(), fixture("v3-new-file-upload.json", owners, codec.issue(insertSignature("u-task-owner", false))),
                fixture("v3-procedure-finish.json", owners, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND status = 'READY'",
                owners.fileId()) != null);
        Ids intruder = new Ids(Ids.fresh().fileId(), owners.taskId());
        send(intruder.fileId(), fixture("v3-new-file-upload.json", intruder, codec.issue(insertSignature("u-task-intruder", false))));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", intruder.fileId()) != null);

        http.get().uri("/v1/media/{id}", intruder.fileId()).headers(h -> h.setBearerAuth(token("u-task-intruder"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UPLOADED")
                .jsonPath("$.taskStatus").doesNotExist()
                .jsonPath("$.renditions.length()").isEqualTo(0);
        http.get().uri("/v1/media/{id}", owners.fileId()).headers(h -> h.setBearerAuth(token("u-task-owner"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.taskId").isEqualTo(owners.taskId())
                .jsonPath("$.renditions.length()").isEqualTo(1);
    }

    @Test
    void taskShowsSubtasksToItsOwnerAndAdminsOnly() {
        Ids ids = Ids.fresh();
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature("u-task", false))),
                fixture("v3-procedure-finish.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ? AND status = 'FINISH'", ids.taskId()) != null);

        http.get().uri("/v1/tasks/{id}", ids.taskId()).headers(h -> h.setBearerAuth(token("u-task"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.taskId").isEqualTo(ids.taskId())
                .jsonPath("$.fileId").isEqualTo(ids.fileId())
                .jsonPath("$.status").isEqualTo("FINISH")
                .jsonPath("$.subtasks.length()").isEqualTo(2)
                .jsonPath("$.subtasks[?(@.type == 'Transcode')].definition").isEqualTo(100030)
                .jsonPath("$.subtasks[?(@.type == 'CoverBySnapshot')].coverUrl").exists();
        http.get().uri("/v1/tasks/{id}", ids.taskId()).headers(h -> h.setBearerAuth(token("u-nosy"))).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/v1/tasks/{id}", ids.taskId()).headers(h -> h.setBearerAuth(token("ops", "admin"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aTaskFirstKnownWithoutItsFileIdIsShownToTheOwnerOfTheUploadThatNamesIt() {
        Ids ids = Ids.fresh();
        String finishWithoutFileId = new String(fixture("v3-procedure-finish.json", ids, null), StandardCharsets.UTF_8)
                .replace("\"FileId\": \"" + ids.fileId() + "\",", "");
        assertThat(new CallbackRoutingReader().read(finishWithoutFileId.getBytes(StandardCharsets.UTF_8)).fileId()).isNull();
        send(ids.taskId(), finishWithoutFileId.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ? AND status = 'FINISH'", ids.taskId()) != null);
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature("u-late-link", false))));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND user_id = 'u-late-link'", ids.fileId()) != null);

        http.get().uri("/v1/tasks/{id}", ids.taskId()).headers(h -> h.setBearerAuth(token("u-late-link"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.fileId").isEqualTo(ids.fileId())
                .jsonPath("$.status").isEqualTo("FINISH");
        http.get().uri("/v1/tasks/{id}", ids.taskId()).headers(h -> h.setBearerAuth(token("u-nosy"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void statusPageOpenApiAndMetricsAreServed() {
        http.get().uri("/status.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectBody(String.class).value(html -> assertThat(html).contains("status.js"));
        http.get().uri("/status.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectBody(String.class).value(js -> assertThat(js).contains("/v1/users/me/events"));
        // the status page is the only static content: src/test/resources/public/class-path-probe.txt is not served
        http.get().uri("/class-path-probe.txt").headers(h -> h.setBearerAuth(token("u-static"))).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .value(doc -> assertThat(doc).contains("/v1/media/{fileId}", "/v1/users/me/media", "/v1/tasks/{taskId}",
                        "/v1/users/me/events", "/v1/admin/dlt/replay"));
        ApiDocs docs = ApiDocs.parse(http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).assertEveryErrorIsAProblem();
        assertThat(docs.codes("/v1/media/{fileId}", "get")).containsExactly("200", "400", "401", "404", "503");
        assertThat(docs.codes("/v1/tasks/{taskId}", "get")).containsExactly("200", "400", "401", "404", "503");
        assertThat(docs.codes("/v1/users/me/media", "get")).containsExactly("200", "400", "401", "503");
        assertThat(docs.codes("/v1/users/{userId}/media", "get")).containsExactly("200", "400", "401", "403", "503");
        assertThat(docs.codes("/v1/users/me/events", "get")).containsExactly("200", "400", "401");
        assertThat(docs.codes("/v1/admin/dlt/replay", "post")).containsExactly("200", "400", "401", "403", "409", "503");

        Ids ids = Ids.fresh();
        send(ids.fileId(), fixture("v3-procedure-finish.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ?", ids.taskId()) != null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text).contains("vodflow_processor_batch_size_count", "vodflow_processor_batch_latency_seconds",
                        "vodflow_processor_end_to_end_latency_seconds", "vodflow_processor_consumer_lag",
                        "vodflow_processor_signature_conflicts_total")));
    }
}
