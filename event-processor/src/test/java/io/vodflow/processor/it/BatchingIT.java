package io.vodflow.processor.it;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.contract.kafka.VodTopics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Volume: records are applied in multi-record batches, every one exactly once, in partition order. */
class BatchingIT extends ProcessorItSupport {
    private static final String GROUP = "vodflow-event-processor";

    @Autowired
    MeterRegistry meters;

    @Test
    void aBurstIsAppliedInMultiRecordBatchesWithEveryEventExactlyOnce() {
        DistributionSummary sizes = meters.get("vodflow.processor.batch.size").summary();
        long batchesBefore = sizes.count();
        double recordsBefore = sizes.totalAmount();
        String user = "u-burst-" + UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<Ids> files = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Ids ids = Ids.fresh();
            files.add(ids);
            byte[] upload = fixture("v3-new-file-upload.json", ids, codec.issue(insertSignature(user, false)));
            byte[] finish = fixture("v3-procedure-finish.json", ids, null);
            records.add(new ProducerRecord<>(VodTopics.CALLBACKS, ids.fileId(), finish));
            records.add(new ProducerRecord<>(VodTopics.CALLBACKS, ids.fileId(), upload));
            records.add(new ProducerRecord<>(VodTopics.CALLBACKS, ids.fileId(), finish));
        }
        sendAll(records);

        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) row(
                "SELECT count(*) AS n FROM media WHERE user_id = ? AND status = 'READY'", user).get("n")).intValue() == files.size());
        assertThat(((Number) row("SELECT count(*) AS n FROM task_result r JOIN media m ON m.procedure_task_id = r.task_id WHERE m.user_id = ?",
                user).get("n")).intValue()).isEqualTo(files.size() * 2);
        long batches = sizes.count() - batchesBefore;
        double applied = sizes.totalAmount() - recordsBefore;
        assertThat(applied).isGreaterThanOrEqualTo(records.size());
        assertThat(batches).as("batches for %s records", applied).isLessThan(records.size() / 4);
    }

    @Test
    void aBatchOverSeveralPartitionsCommitsTheOffsetOfEveryOneOfThem() {
        // sent at once, so the processor's polls (and its batches) hold records of several partitions
        List<Ids> files = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Ids ids = Ids.fresh();
            files.add(ids);
            records.add(new ProducerRecord<>(VodTopics.CALLBACKS, ids.fileId(), fixture("v3-procedure-finish.json", ids, null)));
        }
        sendAll(records);
        Map<Integer, Long> ends = endOffsets();
        assertThat(ends.values().stream().filter(end -> end > 0)).as("the keys spread over the partitions").hasSizeGreaterThan(2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ends.forEach((partition, end) ->
                assertThat(Math.max(0, committedOffset(GROUP, partition))).as("partition %d", partition).isGreaterThanOrEqualTo(end)));
        assertThat(files).allSatisfy(ids -> assertThat(((Number) row(
                "SELECT count(*) AS n FROM procedure_task WHERE task_id = ? AND status = 'FINISH'", ids.taskId()).get("n")).intValue())
                .isEqualTo(1));
    }

    @Test
    void withinOnePartitionTheEarlierClaimOfAOneTimeSignatureWins() {
        UUID signature = insertSignature("u-first", true);
        String context = codec.issue(signature);
        String sharedKey = "order-" + UUID.randomUUID();
        List<Ids> claims = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Ids ids = Ids.fresh();
            claims.add(ids);
            records.add(new ProducerRecord<>(VodTopics.CALLBACKS, sharedKey, fixture("v3-new-file-upload.json", ids, context)));
        }
        sendAll(records);

        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) row(
                "SELECT count(*) AS n FROM media WHERE signature_id = ?", signature).get("n")).intValue() == claims.size());
        assertThat(row("SELECT attribution FROM media WHERE file_id = ?", claims.get(0).fileId())).containsEntry("attribution", "LINKED");
        for (Ids later : claims.subList(1, claims.size())) {
            assertThat(row("SELECT attribution FROM media WHERE file_id = ?", later.fileId())).containsEntry("attribution", "CONFLICT");
        }
        assertThat(((Number) row("SELECT count(*) AS n FROM signature_conflict WHERE signature_id = ?", signature).get("n")).intValue())
                .isEqualTo(claims.size() - 1);
    }
}
