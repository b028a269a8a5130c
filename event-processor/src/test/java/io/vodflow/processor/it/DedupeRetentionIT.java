package io.vodflow.processor.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.processor.outbox.OutboxRelay;
import io.vodflow.processor.retention.ProcessedEventPruner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** processed_event pruning: old dedupe ids go, young ones stay, and a copy redelivered after the prune changes no state (not even updated_at) and publishes nothing. */
class DedupeRetentionIT extends ProcessorItSupport {
    private static final String MEDIA = """
            SELECT user_id, signature_id, attribution, attribution_reason, name, media_url, snapshot_cover_url, size_bytes,
                   duration_s, width, height, bitrate, procedure_task_id, status, status_rank, uploaded_at, deleted_at,
                   attributed_at, updated_at
            FROM media WHERE file_id = ?""";
    private static final String TASK = "SELECT status, status_rank, progress, err_code, message, finished_at FROM procedure_task WHERE task_id = ?";
    private static final String RESULTS = "SELECT type, definition, status, progress, url, cover_url, size_bytes, finish_time FROM task_result WHERE task_id = ? ORDER BY type, definition";

    @Autowired
    ProcessedEventPruner pruner;
    @Autowired
    MeterRegistry meters;

    @Test
    void dedupeIdsPastTheRetentionArePrunedAndYoungerOnesKept() {
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            insertDedupe(tag + "-old-" + i, "15 days");
        }
        insertDedupe(tag + "-young-0", "13 days");
        insertDedupe(tag + "-young-1", "1 second");

        double countedBefore = meters.get("vodflow.sweep.rows").tag("sweep", "processed-event-retention").counter().count();
        assertThat(pruner.sweepOnce().block(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(3L);
        assertThat(meters.get("vodflow.sweep.rows").tag("sweep", "processed-event-retention").counter().count())
                .isGreaterThanOrEqualTo(countedBefore + 3);

        assertThat(rows("SELECT dedupe_id FROM processed_event WHERE dedupe_id LIKE ? ORDER BY dedupe_id", tag + "%"))
                .extracting(r -> r.get("dedupe_id"))
                .containsExactly(tag + "-young-0", tag + "-young-1");
    }

    @Test
    void aCallbackRedeliveredAfterItsDedupeIdWasPrunedChangesNoStateAndMintsNoNewEventId() {
        Ids ids = Ids.fresh();
        String context = codec.issue(insertSignature("u-retention", false));
        byte[] upload = fixture("v3-new-file-upload.json", ids, context);
        byte[] finish = fixture("v3-procedure-finish.json", ids, null);
        send(ids.fileId(), upload, finish);
        await().atMost(Duration.ofSeconds(30)).until(() -> row(MEDIA, ids.fileId()) != null
                && "READY".equals(row(MEDIA, ids.fileId()).get("status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> domainEventIds(ids.fileId()).size() >= 2
                && row("SELECT 1 FROM outbox_event WHERE file_id = ?", ids.fileId()) == null);
        Map<String, Object> media = row(MEDIA, ids.fileId());
        Map<String, Object> task = row(TASK, ids.taskId());
        List<Map<String, Object>> results = rows(RESULTS, ids.taskId());
        Set<String> events = domainEventIds(ids.fileId());
        long published = domainEventCount(ids.fileId());

        List<String> dedupeIds = List.of(dedupeId(upload), dedupeId(finish));
        dedupeIds.forEach(id -> SQL.update("UPDATE processed_event SET processed_at = now() - interval '15 days' WHERE dedupe_id = ?", id));
        pruner.sweepOnce().block(Duration.ofSeconds(30));
        assertThat(rows("SELECT 1 FROM processed_event WHERE dedupe_id = ANY(?)", (Object) dedupeIds.toArray(String[]::new))).isEmpty();

        send(ids.fileId(), upload, finish);
        // a marker behind the copies on the same partition: once it is applied, so are they
        Ids marker = Ids.fresh();
        send(ids.fileId(), fixture("v3-new-file-upload.json", marker, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM media WHERE file_id = ?", marker.fileId()) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> row("SELECT 1 FROM outbox_event") == null);

        assertThat(rows("SELECT dedupe_id FROM processed_event WHERE dedupe_id = ANY(?)", (Object) dedupeIds.toArray(String[]::new)))
                .as("the copies were applied again, not skipped").hasSize(2);
        assertThat(row(MEDIA, ids.fileId())).isEqualTo(media);
        assertThat(row(TASK, ids.taskId())).isEqualTo(task);
        assertThat(rows(RESULTS, ids.taskId())).isEqualTo(results);
        // a re-sent event carries the id it had (consumers drop it); a change that did not happen gets no new id
        assertThat(domainEventIds(ids.fileId())).as("domain event ids").isEqualTo(events);
        // and nothing is re-sent at all: the upload was linked by the first transaction, the task was already FINISH
        assertThat(domainEventCount(ids.fileId())).as("domain events published").isEqualTo(published);
    }

    private static void insertDedupe(String id, String age) {
        SQL.update("INSERT INTO processed_event (dedupe_id, event_type, processed_at) VALUES (?, 'NewFileUpload', now() - ?::interval)", id, age);
    }

    private static String dedupeId(byte[] body) {
        return new CallbackRoutingReader().read(body).dedupeId();
    }

    private static long domainEventCount(String fileId) {
        return readTopic(VodTopics.MEDIA_EVENTS).stream().filter(r -> fileId.equals(r.key())).count();
    }

    private static Set<String> domainEventIds(String fileId) {
        return readTopic(VodTopics.MEDIA_EVENTS).stream().filter(r -> fileId.equals(r.key()))
                .map(r -> header(r, OutboxRelay.EVENT_ID_HEADER)).collect(Collectors.toSet());
    }
}
