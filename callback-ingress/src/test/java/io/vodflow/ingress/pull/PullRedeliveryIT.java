package io.vodflow.ingress.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While Kafka is down nothing is confirmed, VOD redelivers after its timeout, and once Kafka is back every
 * event is published (duplicates share one dedupe id and identical bytes) and confirmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vodflow.ingress.pull.enabled=true", "vodflow.ingress.pull.protocol=http",
        "vodflow.ingress.pull.publish-timeout=3s", "vodflow.ingress.pull.error-backoff=200ms",
        "vodflow.ingress.pull.secret-id=" + PullRedeliveryIT.SECRET_ID, "vodflow.ingress.pull.secret-key=" + PullRedeliveryIT.SECRET_KEY})
@DirtiesContext // its broker/emulator goes away after the class; a cached context would keep retrying it
class PullRedeliveryIT {
    static final String SECRET_ID = "AKIDvodflowRedeliveryTest000000000";
    static final String SECRET_KEY = "vodflowRedeliverySecretKey000000";
    static final KafkaBroker BROKER = VodflowInfra.get().newKafkaBroker();
    // VOD waits 30 s before redelivering; 2 s keeps the test short with the same rule
    static final VodApiServer VOD = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY),
            ApiServerSettings.defaults().withPullWait(Duration.ofSeconds(1)).withRedeliveryTimeout(Duration.ofSeconds(2)));

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        BROKER.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_redelivery"), BROKER);
        registry.add("vodflow.ingress.pull.endpoint", VOD::endpoint);
    }

    @AfterAll
    static void stop() {
        VOD.close();
        BROKER.close();
    }

    static JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eventsPulledWhileKafkaIsDownAreNotConfirmedComeBackAndAreConfirmedOncePublished() {
        List<String> fileIds = IntStream.range(0, 20).mapToObj(i -> String.valueOf(8_200_000_000_000L + i)).toList();
        try (CallbackTopicReader topic = new CallbackTopicReader(BROKER.bootstrapServers())) {
            BROKER.stop();
            fileIds.forEach(id -> VOD.enqueue(Fixtures.newFileUpload(id)));

            await().atMost(Duration.ofSeconds(60)).until(() -> VOD.redeliveredCount() >= fileIds.size());
            assertThat(VOD.confirmedCount()).as("nothing is confirmed while Kafka cannot ack").isZero();

            BROKER.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> VOD.confirmedCount() == fileIds.size());
            assertThat(VOD.pendingCount()).isZero();

            List<ConsumerRecord<String, byte[]>> records = topic.read(fileIds.size(), r -> true, Duration.ofSeconds(30));
            records.addAll(topic.drain(r -> true, Duration.ofSeconds(2)));
            Map<String, List<ConsumerRecord<String, byte[]>>> byFileId = records.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key));
            assertThat(byFileId.keySet()).containsExactlyInAnyOrderElementsOf(fileIds);
            byFileId.forEach((id, copies) -> {
                assertThat(copies).allSatisfy(r -> assertThat(r.value()).isEqualTo(copies.get(0).value()));
                assertThat(copies).map(r -> CallbackTopicReader.headers(r).get(CallbackHeaders.DEDUPE_ID)).containsOnly(
                        CallbackTopicReader.headers(copies.get(0)).get(CallbackHeaders.DEDUPE_ID));
                assertThat(json(copies.get(0).value())).isEqualTo(json(Fixtures.newFileUpload(id)));
            });
        }
    }
}
