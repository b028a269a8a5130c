package io.vodflow.ingress.fallback;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.CallbackTopicReader;
import io.vodflow.ingress.Fixtures;
import io.vodflow.ingress.intake.KafkaAvailability;
import io.vodflow.ingress.publish.CallbackRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic that takes records of 100 KiB at most, below the ingress's 256 KB body limit: a larger callback is kept (200)
 * without opening the Kafka breaker, and the relay parks it instead of retrying it in front of every callback stored
 * after it, until the operator raises the limit and clears parked_at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vodflow.ingress.relay.interval=1h")
@DirtiesContext // its broker goes away after the class
class RefusedCallbackParkingIT {
    static final KafkaBroker BROKER = VodflowInfra.get().newKafkaBroker();
    static final ConfigResource TOPIC = new ConfigResource(ConfigResource.Type.TOPIC, VodTopics.CALLBACKS);
    static final String TOPIC_LIMIT = "102400";
    static final String TOPIC_LIMIT_RAISED = "1048588";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        BROKER.createTopic(VodTopics.CALLBACKS, 1, Map.of("max.message.bytes", TOPIC_LIMIT));
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_parking"), BROKER);
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @Autowired
    WebTestClient http;
    @Autowired
    FallbackRepository repository;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    KafkaAvailability kafka;
    @Autowired
    ApplicationContext app;
    @Autowired
    MeterRegistry registry;

    @Test
    void anOversizedPushIsKeptWithoutOpeningTheBreaker() {
        double refusedBefore = refusedCount();
        post(oversized(Fixtures.newFileUpload("8400000000001"))).jsonPath("$.durableIn").isEqualTo("fallback");
        assertThat(kafka.down()).as("Kafka itself answered; only the record was refused").isFalse();
        assertThat(refusedCount()).as("counted as refused, not as Kafka unavailable").isEqualTo(refusedBefore + 1);
        // stored parked at once (the relay of this context never runs): no relay pass offers it to Kafka again
        assertThat(DatabaseClient.create(connections).sql("SELECT park_reason FROM callback_fallback WHERE record_key = :key")
                .bind("key", "8400000000001").map(row -> row.get("park_reason", String.class)).all().collectList()
                .block(Duration.ofSeconds(10))).singleElement().asString().startsWith("RecordTooLargeException: ");
        post(Fixtures.newFileUpload("8400000000002")).jsonPath("$.durableIn").isEqualTo("kafka");
    }

    @Test
    void theRelayParksWhatKafkaRefusesAndRelaysWhatWasStoredAfterIt() throws Exception {
        NumberedCallbacks callbacks = new NumberedCallbacks(8_400_000_100_000L, 1, "88");
        CallbackRecord big = callbacks.record(0);
        big = new CallbackRecord(big.key(), oversized(big.value()), big.format(), big.eventType(), big.receivedAtMillis(),
                big.source(), big.subAppId(), big.dedupeId());
        Flux.just(big, callbacks.record(1), callbacks.record(2), callbacks.record(3))
                .concatMap(repository::store).blockLast(Duration.ofSeconds(30));
        FallbackRelay relay = TestRelays.of(app, 50);

        try (CallbackTopicReader topic = new CallbackTopicReader(BROKER.bootstrapServers())) {
            relay.drain().block(Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> relayed = topic.read(3, RefusedCallbackParkingIT::ours, Duration.ofSeconds(30));
            assertThat(relayed).extracting(r -> NumberedCallbacks.position(r.value())).containsExactly(1, 2, 3);
            FallbackCounts counts = repository.counts().block(Duration.ofSeconds(10));
            assertThat(counts.waiting()).isZero();
            assertThat(counts.parked()).isPositive();
            // the broker's refusal (the topic's limit), not the producer's own max.request.size
            assertThat(parkReasons()).isNotEmpty().allSatisfy(reason -> assertThat(reason)
                    .startsWith("RecordTooLargeException: ").doesNotContain("max.request.size"));

            // the operator's way out (operator guide): raise the topic's limit, then clear parked_at
            topicLimit(TOPIC_LIMIT_RAISED);
            try {
                DatabaseClient.create(connections).sql("UPDATE callback_fallback SET parked_at = NULL, park_reason = NULL")
                        .fetch().rowsUpdated().block(Duration.ofSeconds(10));
                relay.drain().block(Duration.ofSeconds(60));
                List<ConsumerRecord<String, byte[]>> late = topic.read(1, RefusedCallbackParkingIT::ours, Duration.ofSeconds(30));
                assertThat(late).extracting(r -> NumberedCallbacks.position(r.value())).containsExactly(0);
                assertThat(repository.counts().block(Duration.ofSeconds(10))).isEqualTo(new FallbackCounts(0, 0));
            } finally {
                topicLimit(TOPIC_LIMIT); // the other test of the class needs it, whichever runs first
            }
        }
    }

    private static void topicLimit(String bytes) throws Exception {
        try (Admin admin = Admin.create(BROKER.clientProperties())) {
            admin.incrementalAlterConfigs(Map.of(TOPIC, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private double refusedCount() {
        return registry.counter("vodflow.ingress.callbacks", "outcome", "fallback", "reason", "kafka_refused").count();
    }

    private static boolean ours(ConsumerRecord<String, byte[]> r) {
        return "88".equals(CallbackTopicReader.headers(r).get(CallbackHeaders.SUB_APP));
    }

    private List<String> parkReasons() {
        return DatabaseClient.create(connections).sql("SELECT park_reason FROM callback_fallback WHERE parked_at IS NOT NULL")
                .map(row -> row.get("park_reason", String.class)).all().collectList().block(Duration.ofSeconds(10));
    }

    /** The callback with a 200 KB description: under the body limit, over the topic's 100 KiB. */
    private static byte[] oversized(byte[] body) {
        return Fixtures.withLongDescription(body, 200_000);
    }

    private WebTestClient.BodyContentSpec post(byte[] body) {
        return http.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody();
    }
}
