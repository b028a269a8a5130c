package io.vodflow.processor.kafka;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.processor.config.ProcessorPropertiesTest;
import io.vodflow.processor.kafka.DeadLetterReplayer.ReplayBatch;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What one replay call takes from vod.callbacks.DLT, on a real broker. */
@VodflowIntegrationTest
class DeadLetterReplayerIT {

    @Test
    void oneCallHoldsAtMostItsByteBudgetAndCommitsNothingPastWhatItTook() throws Exception {
        try (KafkaBroker kafka = VodflowInfra.get().newKafkaBroker()) {
            kafka.createTopic(VodTopics.CALLBACKS_DLT, 2);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(VodTopics.CALLBACKS_DLT, i % 2, "f-" + i, new byte[1_000])).get();
                }
            }
            DeadLetterReplayer replayer = new DeadLetterReplayer(new KafkaConnectionProperties(kafka.bootstrapServers(), 6,
                    null, null, Duration.ofSeconds(5), Map.of()), ProcessorPropertiesTest.bind(Map.of()), null, null);

            try (KafkaConsumer<String, byte[]> consumer = replayer.open()) {
                ReplayBatch batch = replayer.readHeld(consumer, 100, 3_500);

                assertThat(batch.records()).hasSize(3);
                long committedPast = batch.offsets().values().stream().mapToLong(o -> o.offset()).sum();
                assertThat(committedPast).as("offsets cover exactly the records taken").isEqualTo(3);
                assertThat(batch.offsets().keySet()).allMatch(tp -> tp.topic().equals(VodTopics.CALLBACKS_DLT));
            }
            try (KafkaConsumer<String, byte[]> consumer = replayer.open()) {
                ReplayBatch one = replayer.readHeld(consumer, 100, 10);
                assertThat(one.records()).as("a record over the budget alone still moves, or it would block the DLT").hasSize(1);
                ReplayBatch capped = replayer.readHeld(consumer, 4, Long.MAX_VALUE);
                assertThat(capped.records()).hasSize(4);
                assertThat(capped.offsets().values().stream().mapToLong(o -> o.offset()).sum()).isEqualTo(4);
            }
        }
    }
}
