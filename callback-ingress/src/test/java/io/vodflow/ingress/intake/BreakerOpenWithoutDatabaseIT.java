package io.vodflow.ingress.intake;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.LocalPorts;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.CallbackTopicReader;
import io.vodflow.ingress.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Postgres unreachable, Kafka fine, and the Kafka breaker open after one slow ack: the callbacks of the retry
 * interval find the fallback store refusing them and still reach Kafka, instead of answering 503s VOD never retries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vodflow.ingress.kafka-retry-interval=1h")
@DirtiesContext // its broker goes away after the class
class BreakerOpenWithoutDatabaseIT {
    static final KafkaBroker BROKER = VodflowInfra.get().newKafkaBroker();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        BROKER.createTopic(VodTopics.CALLBACKS, 1);
        registry.add("vodflow.kafka.bootstrap", BROKER::bootstrapServers);
        // a port nothing listens on: the fallback store refuses every callback
        registry.add("vodflow.db.url", () -> "postgresql://127.0.0.1:" + LocalPorts.pickFree() + "/nowhere");
        registry.add("vodflow.db.migrate", () -> "false");
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaAvailability kafka;

    @Test
    void callbacksGoToKafkaWhenTheBreakerIsOpenAndTheFallbackRefuses() {
        try (CallbackTopicReader topic = new CallbackTopicReader(BROKER.bootstrapServers())) {
            for (String fixture : List.of("v3-new-file-upload.json", "v3-procedure-finish.json", "v3-file-deleted.json")) {
                kafka.markDown(); // as a missed ack deadline does; the hour-long retry interval keeps it open
                http.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                        .post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Fixtures.bytes(fixture)).exchange().expectStatus().isOk();
            }

            List<ConsumerRecord<String, byte[]>> records = topic.read(3, r -> true, Duration.ofSeconds(20));
            assertThat(records).extracting(r -> CallbackTopicReader.headers(r).get("vod-event-type"))
                    .containsExactly("NewFileUpload", "ProcedureStateChanged", "FileDeleted");
            assertThat(records.get(0).value()).isEqualTo(Fixtures.bytes("v3-new-file-upload.json"));
            // each ack closed the breaker again: the callbacks after it try Kafka first
            assertThat(kafka.down()).isFalse();
        }
    }
}
