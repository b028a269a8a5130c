package io.vodflow.ingress.pull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.ConnectionFactory;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pulled event larger than the topic takes: it is kept parked in the fallback store and confirmed, instead of
 * coming back from VOD every redelivery timeout until VOD drops it; the events beside it are published as usual.
 */
@SpringBootTest(properties = {
        "vodflow.ingress.pull.enabled=true", "vodflow.ingress.pull.protocol=http", "vodflow.ingress.pull.error-backoff=200ms",
        "vodflow.ingress.relay.interval=1h",
        "vodflow.ingress.pull.secret-id=" + PulledEventParkingIT.SECRET_ID, "vodflow.ingress.pull.secret-key=" + PulledEventParkingIT.SECRET_KEY})
@DirtiesContext // its broker/emulator goes away after the class
class PulledEventParkingIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET_ID = "AKIDvodflowParkingTest000000000000";
    static final String SECRET_KEY = "vodflowParkingSecretKey0000000000";
    static final KafkaBroker BROKER = VodflowInfra.get().newKafkaBroker();
    static final VodApiServer VOD = VodApiServer.start(Map.of(SECRET_ID, SECRET_KEY),
            ApiServerSettings.defaults().withPullWait(Duration.ofSeconds(1)).withRedeliveryTimeout(Duration.ofSeconds(2)));

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        BROKER.createTopic(VodTopics.CALLBACKS, 1, Map.of("max.message.bytes", "102400"));
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_pull_parking"), BROKER);
        registry.add("vodflow.ingress.pull.endpoint", VOD::endpoint);
    }

    @AfterAll
    static void stop() {
        VOD.close();
        BROKER.close();
    }

    @Autowired
    ConnectionFactory connections;

    @Test
    void aPulledEventKafkaRefusesIsParkedAndConfirmedAndTheOthersArePublished() throws Exception {
        byte[] big = Fixtures.withLongDescription(Fixtures.newFileUpload("8500000000001"), 200_000);
        try (CallbackTopicReader topic = new CallbackTopicReader(BROKER.bootstrapServers())) {
            VOD.enqueue(Fixtures.newFileUpload("8500000000000"));
            VOD.enqueue(big);
            VOD.enqueue(Fixtures.newFileUpload("8500000000002"));

            await().atMost(Duration.ofSeconds(60)).until(() -> VOD.confirmedCount() == 3);
            assertThat(VOD.pendingCount()).isZero();
            List<ConsumerRecord<String, byte[]>> published = topic.read(2, r -> true, Duration.ofSeconds(30));
            published.addAll(topic.drain(r -> true, Duration.ofSeconds(2)));
            assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("8500000000000", "8500000000002");

            List<Map<String, Object>> parked = DatabaseClient.create(connections).sql(
                            "SELECT record_key, park_reason, value, headers::text AS headers FROM callback_fallback WHERE parked_at IS NOT NULL")
                    .fetch().all().collectList().block(Duration.ofSeconds(10));
            assertThat(parked).hasSize(1);
            assertThat(parked.get(0)).containsEntry("record_key", "8500000000001");
            assertThat((String) parked.get(0).get("park_reason")).startsWith("RecordTooLargeException: ");
            ByteBuffer value = (ByteBuffer) parked.get(0).get("value");
            byte[] stored = new byte[value.remaining()];
            value.get(stored);
            // the puller keeps the event as PullEvents gave it (members re-serialised compactly), the same JSON
            assertThat(JSON.readTree(stored)).isEqualTo(JSON.readTree(big));
            assertThat((String) parked.get(0).get("headers")).contains("\"" + CallbackHeaders.SOURCE + "\": \"pull\"");
        }
    }
}
