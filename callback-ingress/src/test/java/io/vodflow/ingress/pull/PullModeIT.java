package io.vodflow.ingress.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.emulator.api.ApiServerSettings;
import io.vodflow.emulator.api.VodApiServer;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.CallbackTopicReader;
import io.vodflow.ingress.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reliable mode against the VOD emulator: every event reaches Kafka as source=pull and is confirmed only then. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vodflow.ingress.pull.enabled=true", "vodflow.ingress.pull.protocol=http", "vodflow.ingress.pull.concurrency=2",
        "vodflow.ingress.pull.secret-id=" + PullModeIT.SECRET_ID, "vodflow.ingress.pull.secret-key=" + PullModeIT.SECRET_KEY})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext // its broker/emulator goes away after the class; a cached context would keep retrying it
class PullModeIT {
    static final String SECRET_ID = "AKIDvodflowPullTest0000000000000000";
    static final String SECRET_KEY = "vodflowPullTestSecretKey00000000";
    static final KafkaBroker KAFKA = VodflowInfra.get().kafka();
    static final VodApiServer VOD = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY),
            ApiServerSettings.defaults().withPullWait(Duration.ofSeconds(1)));
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        KAFKA.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_pull"), KAFKA);
        registry.add("vodflow.ingress.pull.endpoint", VOD::endpoint);
    }

    @AfterAll
    static void stopEmulator() {
        VOD.close();
    }

    @Test
    @Order(1)
    void everyPulledEventIsPublishedWithoutItsHandleAndConfirmedAfterTheAck() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (JsonNode item : JSON.readTree(Fixtures.bytes("pull-events-response.json")).path("Response").path("EventSet")) {
            ((ObjectNode) item).remove("EventHandle");
            bodies.add(JSON.writeValueAsBytes(item));
        }
        for (int i = 0; i < 40; i++) {
            bodies.add(Fixtures.newFileUpload(String.valueOf(8_100_000_000_000L + i)));
        }
        long confirmedBefore = VOD.confirmedCount();
        try (CallbackTopicReader topic = new CallbackTopicReader(KAFKA.bootstrapServers())) {
            bodies.forEach(VOD::enqueue);

            await().atMost(Duration.ofSeconds(60)).until(() -> VOD.confirmedCount() - confirmedBefore == bodies.size());
            assertThat(VOD.pendingCount()).isZero();

            List<ConsumerRecord<String, byte[]>> records = topic.read(bodies.size(),
                    r -> "pull".equals(CallbackTopicReader.headers(r).get(CallbackHeaders.SOURCE)), Duration.ofSeconds(30));
            assertThat(records).hasSize(bodies.size());
            CallbackRoutingReader reader = new CallbackRoutingReader();
            Set<JsonNode> expected = new HashSet<>();
            for (byte[] b : bodies) {
                expected.add(JSON.readTree(b));
            }
            for (ConsumerRecord<String, byte[]> r : records) {
                JsonNode value = JSON.readTree(r.value());
                assertThat(value.has("EventHandle")).isFalse();
                assertThat(expected).contains(value);
                assertThat(CallbackTopicReader.headers(r))
                        .containsEntry(CallbackHeaders.FORMAT, "v3")
                        .containsEntry(CallbackHeaders.DEDUPE_ID, reader.read(r.value()).dedupeId())
                        .containsKey(CallbackHeaders.RECEIVED_AT);
                assertThat(r.key()).isNotNull();
            }
            // the pulled ProcedureStateChanged hashes like the same event pushed without a handle
            assertThat(records).map(r -> CallbackTopicReader.headers(r).get(CallbackHeaders.DEDUPE_ID))
                    .contains(reader.read(bodies.get(1)).dedupeId());
        }
    }

    @Test
    @Order(2)
    void anUnroutableEventStillReachesKafkaAndOneKafkaRefusesIsParkedAndConfirmed() throws Exception {
        byte[] unroutable = ("{\"EventType\":\"" + "X".repeat(200) + "\",\"Note\":1}").getBytes(StandardCharsets.UTF_8);
        byte[] ordinary = Fixtures.newFileUpload("8200000000001");
        ObjectNode huge = (ObjectNode) JSON.readTree(Fixtures.newFileUpload("8200000000002"));
        huge.put("Padding", "p".repeat(1_200_000)); // over the producer's 1 MiB max.request.size
        long confirmedBefore = VOD.confirmedCount();
        try (CallbackTopicReader topic = new CallbackTopicReader(KAFKA.bootstrapServers())) {
            VOD.enqueue(unroutable);
            VOD.enqueue(ordinary);
            VOD.enqueue(JSON.writeValueAsBytes(huge));

            // the refused one too, once it is parked in the fallback store (PulledEventParkingIT looks at the row)
            await().atMost(Duration.ofSeconds(60)).until(() -> VOD.confirmedCount() - confirmedBefore == 3);
            List<ConsumerRecord<String, byte[]>> records = topic.read(2,
                    r -> "pull".equals(CallbackTopicReader.headers(r).get(CallbackHeaders.SOURCE))
                            && (r.value().length == unroutable.length || "8200000000001".equals(r.key())), Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> unrouted = records.stream()
                    .filter(r -> VodEventPuller.UNROUTABLE_TYPE.equals(CallbackTopicReader.headers(r).get(CallbackHeaders.EVENT_TYPE)))
                    .findFirst().orElseThrow();
            assertThat(JSON.readTree(unrouted.value())).isEqualTo(JSON.readTree(unroutable));
            assertThat(unrouted.key()).isNotNull().isEqualTo(CallbackTopicReader.headers(unrouted).get(CallbackHeaders.DEDUPE_ID));
            assertThat(records).anyMatch(r -> "8200000000001".equals(r.key()));
            assertThat(VOD.pendingCount()).isZero();
        }
    }
}
