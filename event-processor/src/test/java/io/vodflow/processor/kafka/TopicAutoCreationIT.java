package io.vodflow.processor.kafka;

import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.processor.ProcessorApplication;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.support.Fixtures;
import io.vodflow.processor.support.SignatureRows;
import io.vodflow.processor.support.Sql;
import io.vodflow.processor.support.TestProducer;
import io.vodflow.processor.support.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a broker with auto.create.topics.enable (Kafka's default) none of the processor's consumers or its producer may
 * have a topic created with the broker's defaults before the provisioner creates it as configured. The processor
 * starts as after a move to a new cluster: an event still in its outbox is relayed at once.
 */
@VodflowIntegrationTest
class TopicAutoCreationIT {
    private static final List<String> TOPICS = List.of(VodTopics.CALLBACKS, VodTopics.CALLBACKS_DLT, VodTopics.MEDIA_EVENTS);
    private static final String WAITING_FILE = "5285890799100000009";
    private static KafkaBroker kafka;
    private static Sql sql;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        kafka = VodflowInfra.get().newAutoCreatingKafkaBroker();
        PostgresDatabase db = VodflowInfra.get().newMigratedDatabase();
        sql = new Sql(db);
        sql.update("INSERT INTO outbox_event (event_id, event_type, file_id, user_id, payload) VALUES (?, ?, ?, ?, ?::json)",
                "evt-auto-create-1", "UploadLinked", WAITING_FILE, "u-auto-create", "{\"eventType\":\"UploadLinked\"}");
        app = new SpringApplicationBuilder(ProcessorApplication.class).run("--server.port=0",
                "--vodflow.db.url=" + db.libpqUrl(), "--vodflow.db.user=" + db.user(), "--vodflow.db.password=" + db.password(),
                "--vodflow.kafka.bootstrap=" + kafka.bootstrapServers(), "--vodflow.kafka.partitions=3",
                "--vodflow.jwt.secret=auto-create-it-jwt-secret-0123456789abcdef",
                "--vodflow.processor.outbox-poll-interval=100ms");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyTopicHasTheConfiguredPartitionsAndThePipelineRunsOnThem() throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            Map<String, TopicDescription> topics = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS), all -> all.size() == 3);
            topics.forEach((name, topic) -> assertThat(topic.partitions())
                    .as("partitions of %s (the broker's own default is 1)", name).hasSize(3));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(kafka.bootstrapServers(), VodTopics.MEDIA_EVENTS)
                .stream().anyMatch(r -> WAITING_FILE.equals(r.key())));

        String fileId = "5285890799100000001";
        String context = app.getBean(SourceContextCodec.class).issue(SignatureRows.insert(sql, "u-auto-create", false));
        try (TestProducer producer = new TestProducer(kafka.bootstrapServers())) {
            producer.send(VodTopics.CALLBACKS, fileId, Fixtures.body("v3-new-file-upload.json", fileId, "1500000001-Procedure-ac-1t0", context),
                    Map.of(CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.row("SELECT 1 FROM media WHERE file_id = ? AND attribution = 'LINKED'",
                fileId) != null);
        // UploadLinked, through the outbox relay's producer
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(kafka.bootstrapServers(), VodTopics.MEDIA_EVENTS)
                .stream().anyMatch(r -> fileId.equals(r.key())));
    }

    @Test
    void aSendWaitsUntilTheTopicsAreProvisionedAndCreatesNoneMeanwhile() throws Exception {
        String topic = "vodflow.test.provisioned-later";
        Sinks.Empty<Void> provisioned = Sinks.empty();
        try (RecordSender sender = new RecordSender(app.getBean(KafkaConnectionProperties.class),
                app.getBean(ProcessorProperties.class), provisioned.asMono());
             Admin admin = Admin.create(kafka.clientProperties())) {
            CompletableFuture<Void> sent = sender.sendAll(List.of(new OutgoingRecord(topic, "k", "v".getBytes(StandardCharsets.UTF_8),
                    Map.of()))).toFuture();
            Thread.sleep(3000);
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).as("topics while unprovisioned").doesNotContain(topic);
            assertThat(sent).isNotDone();

            kafka.createTopic(topic, 2);
            provisioned.tryEmitEmpty();
            sent.get(30, TimeUnit.SECONDS);
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()).hasSize(2);
            assertThat(TopicReader.readAll(kafka.bootstrapServers(), topic)).hasSize(1);
        }
    }

    @Test
    void theLiveTailJoinsOnlyOnceTheTopicsAreProvisioned() throws Exception {
        Sinks.Empty<Void> provisioned = Sinks.empty();
        MediaEventReceiver receiver = new MediaEventReceiver(app.getBean(KafkaConnectionProperties.class),
                app.getBean(ProcessorProperties.class), provisioned.asMono());
        Disposable tail = receiver.tail().subscribe();
        try {
            Thread.sleep(3000);
            assertThat(receiver.assigned()).as("assigned while unprovisioned").isFalse();

            provisioned.tryEmitEmpty();
            await().atMost(Duration.ofSeconds(30)).until(receiver::assigned);
        } finally {
            tail.dispose();
        }
    }
}
