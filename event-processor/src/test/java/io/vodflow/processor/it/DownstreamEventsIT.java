package io.vodflow.processor.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.processor.live.MediaEventStream;
import io.vodflow.processor.outbox.OutboxRelay;
import io.vodflow.processor.support.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outbox → vod.media.events (stable ids, key FileId) and the SSE stream fed from that topic. */
class DownstreamEventsIT extends ProcessorItSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MediaEventStream stream;

    @Test
    void domainEventsArePublishedKeyedByFileIdWithStableIdsAndRenditions() throws Exception {
        Ids ids = Ids.fresh();
        UUID signature = insertSignature("u-events", false);
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(signature)),
                fixture("v3-procedure-change-processing.json", ids, null));
        // progress and finish in one batch coalesce into one TranscodeFinished: let the progress commit first
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ? AND status = 'PROCESSING'",
                ids.taskId()) != null);
        send(ids.fileId(), fixture("v3-procedure-finish.json", ids, null), fixture("v3-procedure-finish.json", ids, null),
                Fixtures.deletion(ids.fileId()));

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(ids.fileId()).stream()
                .anyMatch(r -> "MediaDeleted".equals(header(r, OutboxRelay.EVENT_TYPE_HEADER))));
        List<ConsumerRecord<String, byte[]>> events = eventsOf(ids.fileId());
        assertThat(events).allSatisfy(r -> assertThat(r.key()).isEqualTo(ids.fileId()));
        assertThat(events).extracting(r -> header(r, OutboxRelay.EVENT_TYPE_HEADER))
                .containsExactlyInAnyOrder("UploadLinked", "TranscodeProgress", "TranscodeFinished", "MediaDeleted");

        JsonNode linked = json(events, "UploadLinked");
        assertThat(linked.get("userId").asText()).isEqualTo("u-events");
        assertThat(linked.get("signatureId").asText()).isEqualTo(signature.toString());
        assertThat(linked.get("eventId").asText()).isEqualTo(header(find(events, "UploadLinked"), OutboxRelay.EVENT_ID_HEADER));
        JsonNode finished = json(events, "TranscodeFinished");
        assertThat(finished.get("taskId").asText()).isEqualTo(ids.taskId());
        assertThat(finished.get("userId").asText()).isEqualTo("u-events");
        assertThat(finished.get("renditions").get(0).get("definition").asInt()).isEqualTo(100030);
        assertThat(finished.get("renditions").get(0).get("url").asText()).endsWith("v.f100030.mp4");
        assertThat(finished.get("coverUrl").asText()).endsWith("coverBySnapshot_10_0.jpg");
        assertThat(json(events, "TranscodeProgress").get("progress").asInt()).isEqualTo(40);
        assertThat(rows("SELECT 1 FROM outbox_event WHERE file_id = ?", ids.fileId())).isEmpty();
    }

    @Test
    void anUploadLinkedAfterItsTranscodeFinishedCarriesTheRenditionsTheUserlessTranscodeFinishedHad() throws Exception {
        Ids ids = Ids.fresh();
        send(ids.fileId(), fixture("v3-procedure-finish.json", ids, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ? AND status = 'FINISH'",
                ids.taskId()) != null);
        // the NewFileUpload comes late (a lost callback backfilled): the media is already READY when it is linked
        send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature("u-late", false))));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(ids.fileId()).stream()
                .anyMatch(r -> "UploadLinked".equals(header(r, OutboxRelay.EVENT_TYPE_HEADER))));

        List<ConsumerRecord<String, byte[]>> events = eventsOf(ids.fileId());
        assertThat(json(events, "TranscodeFinished").has("userId")).isFalse();
        JsonNode linked = json(events, "UploadLinked");
        assertThat(linked.get("userId").asText()).isEqualTo("u-late");
        assertThat(linked.get("status").asText()).isEqualTo("READY");
        assertThat(linked.get("renditions")).singleElement()
                .satisfies(r -> assertThat(r.get("url").asText()).endsWith("v.f100030.mp4"));
        assertThat(linked.get("coverUrl").asText()).endsWith("coverBySnapshot_10_0.jpg");
    }

    @Test
    void aLateUploadLinkedCarriesTheRenditionsOfEveryFlowOfTheFileAsTheMediaViewShowsThem() throws Exception {
        Ids upload = Ids.fresh();
        Ids retry = new Ids(upload.fileId(), upload.taskId() + "-retry");
        // the upload's own flow failed and a ProcessMedia flow repaired the file, both before the upload was linked
        send(upload.fileId(), fixture("v3-procedure-finish-transcode-failed.json", upload, null),
                fixture("v3-procedure-finish.json", retry, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ? AND status = 'READY'",
                upload.fileId()) != null);
        send(upload.fileId(), fixture("v3-new-file-upload.json", upload, codec.issue(insertSignature("u-repaired", false))));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(upload.fileId()).stream()
                .anyMatch(r -> "UploadLinked".equals(header(r, OutboxRelay.EVENT_TYPE_HEADER))));

        JsonNode linked = json(eventsOf(upload.fileId()), "UploadLinked");
        assertThat(linked.get("status").asText()).isEqualTo("READY");
        assertThat(linked.get("renditions")).as("the repairing flow's output, though the upload named the failed one")
                .singleElement().satisfies(r -> {
                    assertThat(r.get("definition").asInt()).isEqualTo(100030);
                    assertThat(r.get("url").asText()).endsWith("v.f100030.mp4");
                });
    }

    @Test
    void sseStreamDeliversTheOwnersUpdateWithinASecondAndNothingOfOtherUsers() {
        await().atMost(Duration.ofSeconds(30)).until(stream::ready);
        Ids mine = Ids.fresh();
        Ids theirs = Ids.fresh();
        UUID mySignature = insertSignature("u-live", false);
        UUID theirSignature = insertSignature("u-other", false);
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v1/users/me/events").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(token("u-live"))).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "connected".equals(e.comment())));
            send(theirs.fileId(), fixture("v3-new-file-upload.json", theirs, codec.issue(theirSignature)));
            long sent = System.nanoTime();
            send(mine.fileId(), fixture("v3-new-file-upload.json", mine, codec.issue(mySignature)),
                    fixture("v3-procedure-finish.json", mine, null));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(e -> "TranscodeFinished".equals(e.event()) && e.data().contains(mine.fileId())));
            long elapsedMs = (System.nanoTime() - sent) / 1_000_000;
            assertThat(elapsedMs).as("callback → SSE latency in ms").isLessThan(1000);
            assertThat(received).filteredOn(e -> e.data() != null).allSatisfy(e -> assertThat(e.data()).doesNotContain(theirs.fileId()));
            assertThat(received).filteredOn(e -> "UploadLinked".equals(e.event())).hasSize(1);
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void anEventAnotherInstancePublishedReachesTheStreamsOfThisOne() {
        await().atMost(Duration.ofSeconds(30)).until(stream::ready);
        String user = "u-remote-" + UUID.randomUUID();
        String fileId = "remote-" + UUID.randomUUID();
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v1/users/me/events").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "connected".equals(e.comment())));
            // what another processor's relay writes: this instance never touched the file, only the topic carries it
            String eventId = UUID.randomUUID().toString();
            String event = """
                    {"schemaVersion":1,"eventId":"%s","type":"TranscodeProgress","fileId":"%s","userId":"%s","taskId":"t-remote",\
                    "status":"PROCESSING","taskStatus":"PROCESSING","progress":60,"occurredAt":"2026-12-03T10:00:00Z"}"""
                    .formatted(eventId, fileId, user);
            publish(VodTopics.MEDIA_EVENTS, fileId, event.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of(OutboxRelay.EVENT_ID_HEADER, eventId, OutboxRelay.EVENT_TYPE_HEADER, "TranscodeProgress"));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(e -> "TranscodeProgress".equals(e.event()) && e.data().contains(fileId) && e.data().contains(eventId)));
            assertThat(rows("SELECT 1 FROM media WHERE file_id = ?", fileId)).isEmpty();
        } finally {
            subscription.dispose();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(String fileId) {
        return readTopic(VodTopics.MEDIA_EVENTS).stream().filter(r -> fileId.equals(r.key())).toList();
    }

    private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> events, String type) {
        return events.stream().filter(r -> type.equals(header(r, OutboxRelay.EVENT_TYPE_HEADER))).findFirst().orElseThrow();
    }

    private static JsonNode json(List<ConsumerRecord<String, byte[]>> events, String type) throws Exception {
        return JSON.readTree(find(events, type).value());
    }
}
