package io.vodflow.processor.kafka;

import io.vodflow.infra.LocalPorts;
import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.kit.testing.PropertiesBinding;
import io.vodflow.processor.config.ProcessorProperties;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordSenderTest {

    @Test
    void withNoBrokerTheProducerItselfGivesUpWithinTheSendTimeout() {
        KafkaConnectionProperties kafka = PropertiesBinding.bind("vodflow.kafka", KafkaConnectionProperties.class,
                Map.of("vodflow.kafka.bootstrap", "127.0.0.1:" + LocalPorts.pickFree()));
        ProcessorProperties props = PropertiesBinding.bind("vodflow.processor", ProcessorProperties.class,
                Map.of("vodflow.processor.send-timeout", "3s"));
        OutgoingRecord record = new OutgoingRecord("vod.media-events", "k", new byte[] {1}, Map.of());
        try (RecordSender sender = new RecordSender(kafka, props, Mono.empty())) {
            // Kafka's own metadata timeout, not the caller's: with the default max.block.ms (60 s) the producer thread,
            // which every later send waits behind, stayed blocked long after the caller's timeout had given up
            assertThatThrownBy(() -> sender.sendAll(List.of(record)).block(Duration.ofSeconds(30)))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }
}
