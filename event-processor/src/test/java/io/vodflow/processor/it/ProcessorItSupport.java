package io.vodflow.processor.it;

import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.processor.support.Fixtures;
import io.vodflow.processor.support.SignatureRows;
import io.vodflow.processor.support.Sql;
import io.vodflow.processor.support.TestProducer;
import io.vodflow.processor.support.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One processor context for the module's ITs, against a private Kafka broker and a fresh database:
 * fixture callbacks go to vod.callbacks through a plain producer; state is read with JDBC and the HTTP API.
 */
@VodflowIntegrationTest
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vodflow.processor.batch-wait=10ms", "vodflow.processor.retry-max-backoff=1s",
        "vodflow.processor.lag-refresh=1s", "vodflow.processor.outbox-poll-interval=100ms",
        "vodflow.processor.batch-timeout=2s", "vodflow.processor.retry-initial-backoff=100ms",
        "vodflow.cors.allowed-origins=" + ProcessorItSupport.WEB_APP_ORIGIN})
public abstract class ProcessorItSupport {
    protected static final String JWT_SECRET = "processor-it-jwt-secret-0123456789abcdefgh";
    /** The one origin whose pages may call the query API from a browser. */
    protected static final String WEB_APP_ORIGIN = "https://app.example.test";
    protected static final KafkaBroker KAFKA = VodflowInfra.get().newKafkaBroker();
    protected static final PostgresDatabase DB = VodflowInfra.get().newDatabase("processor");
    protected static final Sql SQL = new Sql(DB);
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static TestProducer producer;

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected SourceContextCodec codec;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        for (String topic : List.of(VodTopics.CALLBACKS, VodTopics.CALLBACKS_DLT, VodTopics.MEDIA_EVENTS)) {
            KAFKA.createTopic(topic, 3);
        }
        VodflowInfra.register(registry, DB, KAFKA);
        registry.add("vodflow.jwt.secret", () -> JWT_SECRET);
    }

    /**
     * These ITs check answers, not latency: the broker, Postgres and this context share the CI machine's two cores,
     * and WebTestClient's default 5 s was once exceeded by a cheap query there (as the ingress ITs, 15 s).
     */
    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(15)).build();
    }

    @AfterAll
    static synchronized void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** A FileId / TaskId pair no other test uses. */
    protected record Ids(String fileId, String taskId) {
        static Ids fresh() {
            long n = IDS.incrementAndGet();
            return new Ids("52858907" + String.format("%011d", n), "1500000001-Procedure-it" + n + "t0");
        }
    }

    /** A fixture body with the FileId, TaskId and sourceContext of this test. */
    protected static byte[] fixture(String name, Ids ids, String sourceContext) {
        return Fixtures.body(name, ids.fileId(), ids.taskId(), sourceContext);
    }

    /** Sends callbacks keyed by {@code key} as the ingress does (receive-time header set), waiting for each ack. */
    protected static void send(String key, byte[]... bodies) {
        for (byte[] body : bodies) {
            producer().send(VodTopics.CALLBACKS, key, body, Map.of(CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis())));
        }
    }

    /** Sends one record to any topic, waiting for its ack. */
    protected static RecordMetadata publish(String topic, String key, byte[] value, Map<String, String> headers) {
        return producer().send(topic, key, value, headers);
    }

    /** Sends one callback and returns where it landed. */
    protected static RecordMetadata sendOne(String key, byte[] body) {
        return producer().send(VodTopics.CALLBACKS, key, body, Map.of(CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis())));
    }

    /** The processor group's committed offset of a vod.callbacks partition (-1 when none). */
    protected static long committedOffset(String groupId, int partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .get(new TopicPartition(VodTopics.CALLBACKS, partition));
            return o == null ? -1 : o.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The end offset of every vod.callbacks partition, by partition. */
    protected static Map<Integer, Long> endOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(VodTopics.CALLBACKS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(VodTopics.CALLBACKS).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(VodTopics.CALLBACKS, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends many records without waiting for each ack, then flushes (for volume tests). */
    protected static void sendAll(List<ProducerRecord<String, byte[]>> records) {
        producer().sendAll(records);
    }

    private static synchronized TestProducer producer() {
        if (producer == null) {
            producer = new TestProducer(KAFKA.bootstrapServers());
        }
        return producer;
    }

    protected static List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
        return TopicReader.readAll(KAFKA.bootstrapServers(), topic);
    }

    protected static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicReader.header(record, name);
    }

    protected static String text(ConsumerRecord<String, byte[]> record) {
        return TopicReader.text(record);
    }

    protected static UUID insertSignature(String userId, boolean oneTime) {
        return SignatureRows.insert(SQL, userId, oneTime);
    }

    protected static String token(String userId, String... roles) {
        return DevJwt.mint(JWT_SECRET, userId, List.of(roles), Duration.ofMinutes(10));
    }

    protected static List<Map<String, Object>> rows(String sql, Object... args) {
        return SQL.rows(sql, args);
    }

    protected static Map<String, Object> row(String sql, Object... args) {
        return SQL.row(sql, args);
    }
}
