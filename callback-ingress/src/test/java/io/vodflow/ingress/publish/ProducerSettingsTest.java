package io.vodflow.ingress.publish;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerSettingsTest {

    @Test
    void durableAcksAndAProducerThatGivesUpBeforeTheCallerDoes() {
        Map<String, Object> p = ProducerSettings.of(Map.of("bootstrap.servers", "x:1"), Duration.ofMillis(1), Duration.ofSeconds(2));
        assertThat(p).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 1)
                .containsEntry("bootstrap.servers", "x:1");
        int delivery = (int) p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        int request = (int) p.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        assertThat(delivery).isLessThan(2_000).isGreaterThanOrEqualTo(request + 1);
        // send() runs on an event loop: it never waits for metadata or buffer space there
        assertThat(p).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
        assertThat((int) p.get(ProducerConfig.METADATA_MAX_IDLE_CONFIG)).isGreaterThanOrEqualTo(3_600_000);
    }
}
