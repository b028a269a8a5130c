package io.vodflow.processor.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.kit.db.TransactionLock;
import io.vodflow.processor.kafka.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Unparseable records go to the DLT and processing continues; DLT replay; transient database failures are retried. */
class FailureHandlingIT extends ProcessorItSupport {
    private static final String GROUP = "vodflow-event-processor";

    @Autowired
    MeterRegistry meters;

    @Test
    void unparseableRecordGoesToTheDeadLetterTopicWithTheErrorAndProcessingContinues() {
        Ids ids = Ids.fresh();
        String marker = "not json " + UUID.randomUUID();
        send(ids.fileId(), marker.getBytes(StandardCharsets.UTF_8), fixture("v3-procedure-finish.json", ids, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ?", ids.taskId()) != null);
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetter(marker, "0"), r -> r != null);
        assertThat(dead.key()).isEqualTo(ids.fileId());
        assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).contains("VodEventParseException");
        assertThat(header(dead, DeadLetterHeaders.ERROR_MESSAGE)).isNotBlank();
        assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(VodTopics.CALLBACKS);
        assertThat(header(dead, DeadLetterHeaders.ORIGINAL_OFFSET)).isNotBlank();
        assertThat(meters.find("vodflow.processor.dlt").counters()).isNotEmpty();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.callbackConsumer.status").isEqualTo("UP")
                .jsonPath("$.components.callbackConsumer.details.state").isEqualTo("CONSUMING")
                .jsonPath("$.components.callbackConsumer.details.sinceAppliedMs").isNumber()
                .jsonPath("$.components.outboxRelay.status").isEqualTo("UP");
    }

    @Test
    void adminReplaysDeadLettersIntoTheMainTopicAndOthersAreRefused() {
        Ids ids = Ids.fresh();
        String marker = "{\"broken\": " + UUID.randomUUID();
        send(ids.fileId(), marker.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(marker, "0") != null);

        http.post().uri("/v1/admin/dlt/replay").headers(h -> h.setBearerAuth(token("u-plain"))).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/v1/admin/dlt/replay").headers(h -> h.setBearerAuth(token("ops", "admin"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.replayed").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(1));

        // replayed into vod.callbacks with a replay count; still broken, so it comes back to the DLT once more
        await().atMost(Duration.ofSeconds(30)).until(() -> readTopic(VodTopics.CALLBACKS).stream()
                .anyMatch(r -> text(r).equals(marker) && "1".equals(header(r, DeadLetterHeaders.REPLAYS))
                        && header(r, DeadLetterHeaders.ERROR_CLASS) == null));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(marker, "1") != null);
        // the replay group remembers what it moved: a second replay does not move the first dead letter again
        http.post().uri("/v1/admin/dlt/replay?max=1000").headers(h -> h.setBearerAuth(token("ops", "admin"))).exchange()
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(marker, "2") != null);
        assertThat(readTopic(VodTopics.CALLBACKS_DLT).stream().filter(r -> text(r).equals(marker)).count()).isEqualTo(3);
    }

    @Test
    void aReplayRunningOnAnotherInstanceRefusesThisOne() throws Exception {
        try (Connection otherInstance = DB.connect()) {
            otherInstance.setAutoCommit(false);
            try (Statement st = otherInstance.createStatement()) {
                // what a replaying instance holds for the length of its replay
                st.execute("SELECT pg_advisory_xact_lock(" + TransactionLock.DEAD_LETTER_REPLAY.key() + ")");
            }
            http.post().uri("/v1/admin/dlt/replay?max=1").headers(h -> h.setBearerAuth(token("ops", "admin"))).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Replay running");
            otherInstance.rollback();
        }
        http.post().uri("/v1/admin/dlt/replay?max=1").headers(h -> h.setBearerAuth(token("ops", "admin"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.replayed").isNumber();
    }

    @Test
    void transientDatabaseFailureIsRetriedWithoutLosingTheBatch() throws Exception {
        Ids ids = Ids.fresh();
        double retriesBefore = meters.counter("vodflow.processor.batch.retries").count();
        RecordMetadata sent;
        try (Connection blocker = DB.connect()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                // every batch transaction now waits on this lock until the batch timeout cancels it
                st.execute("LOCK TABLE processed_event IN ACCESS EXCLUSIVE MODE");
            }
            sent = sendOne(ids.fileId(), fixture("v3-procedure-finish.json", ids, null));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> meters.counter("vodflow.processor.batch.retries").count() > retriesBefore);
            // the batch is failing: its offset must not be committed yet
            assertThat(committedOffset(GROUP, sent.partition())).isLessThanOrEqualTo(sent.offset());
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM procedure_task WHERE task_id = ?", ids.taskId()) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(GROUP, sent.partition()) > sent.offset());
        assertThat(row("SELECT status FROM procedure_task WHERE task_id = ?", ids.taskId())).containsEntry("status", "FINISH");
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String body, String replays) {
        List<ConsumerRecord<String, byte[]>> all = readTopic(VodTopics.CALLBACKS_DLT);
        return all.stream().filter(r -> text(r).equals(body))
                .filter(r -> replays.equals(header(r, DeadLetterHeaders.REPLAYS) == null ? "0" : header(r, DeadLetterHeaders.REPLAYS)))
                .findFirst().orElse(null);
    }
}
