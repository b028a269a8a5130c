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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Volume: records are applied in multi-record batches, every one exactly once, in partition order. */
class BatchingIT extends ProcessorItSupport {

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
