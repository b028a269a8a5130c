package io.vodflow.processor.kafka;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.processor.config.ProcessorPropertiesTest;
import io.vodflow.processor.metrics.ConsumerHealthIndicator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The callbacks receiver's liveness on a real broker: a working consumer reads UP, a hung pipeline DOWN. */
@VodflowIntegrationTest
class ConsumerLivenessIT {

    @Test
    void aPipelineThatStopsCompletingTurnsTheConsumerHealthDownWhileItsPollThreadStillAnswers() throws Exception {
        try (KafkaBroker kafka = VodflowInfra.get().newKafkaBroker()) {
            kafka.createTopic(VodTopics.CALLBACKS, 2);
            CallbackReceiver receiver = new CallbackReceiver(new KafkaConnectionProperties(kafka.bootstrapServers(), 6,
                    null, null, Duration.ofSeconds(5), Map.of()), ProcessorPropertiesTest.bind(Map.of(
                    "vodflow.processor.lag-refresh", "100ms", "vodflow.processor.group-id", "liveness-it")), Mono.empty());
            ConsumerHealthIndicator health = new ConsumerHealthIndicator(receiver.liveness(), receiver::lag,
                    Duration.ofSeconds(2), Duration.ofMillis(100));
            AtomicBoolean hang = new AtomicBoolean();
            AtomicInteger applied = new AtomicInteger();
            Disposable consumption = receiver.consume(batch -> hang.get() ? Mono.never()
                    : Mono.fromRunnable(() -> applied.addAndGet(batch.records().size()))).subscribe();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(VodTopics.CALLBACKS, "f-1", new byte[10])).get();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(applied).hasValue(1);
                    assertThat(health.health().getDetails()).containsEntry("partitions", 2).containsKey("sinceAppliedMs");
                });
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);

                hang.set(true);
                producer.send(new ProducerRecord<>(VodTopics.CALLBACKS, "f-2", new byte[10])).get();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(health.health().getDetails()).containsKey("pollRunningMs"));
                assertThat(health.health().getStatus()).as("within the stall timeout").isEqualTo(Status.UP);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    var h = health.health();
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(h.getDetails()).containsEntry("state", "STALLED");
                    assertThat((Long) h.getDetails().get("sinceAnswerMs")).as("the poll thread itself goes on").isLessThan(1_000L);
                });
            } finally {
                consumption.dispose();
            }
        }
    }
}
