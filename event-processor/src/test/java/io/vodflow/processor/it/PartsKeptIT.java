package io.vodflow.processor.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.processor.ProcessorApplication;
import io.vodflow.processor.outbox.OutboxRelay;
import io.vodflow.processor.support.Fixtures;
import io.vodflow.processor.support.SignatureRows;
import io.vodflow.processor.support.Sql;
import io.vodflow.processor.support.TestProducer;
import io.vodflow.processor.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * partial-deletes=KEEP_MEDIA: a FileDeleted with DeleteParts keeps the media, and the named parts go (rows, query
 * view, MediaPartsDeleted). Its own processor, broker and database, so the shared ITs keep the default policy.
 */
@VodflowIntegrationTest
class PartsKeptIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JWT_SECRET = "parts-kept-it-jwt-secret-0123456789abcdefgh";
    private static final String RENDITION_100030 = "{\"Type\":\"TranscodeFiles\",\"Definition\":100030}";
    private static final String ORIGINAL = "{\"Type\":\"OriginalFiles\"}";
    private static final String FIXTURE_FINISH_TIME = "2025-03-02T08:16:31Z";
    private static KafkaBroker kafka;
    private static Sql sql;
    private static ConfigurableApplicationContext app;
    private static TestProducer producer;
    private static WebTestClient http;
    private static SourceContextCodec codec;

    @BeforeAll
    static void start() {
        kafka = VodflowInfra.get().newKafkaBroker();
        for (String topic : List.of(VodTopics.CALLBACKS, VodTopics.CALLBACKS_DLT, VodTopics.MEDIA_EVENTS)) {
            kafka.createTopic(topic, 2);
        }
        PostgresDatabase db = VodflowInfra.get().newDatabase("parts");
        sql = new Sql(db);
        app = new SpringApplicationBuilder(ProcessorApplication.class).run("--server.port=0",
                "--vodflow.db.url=" + db.libpqUrl(), "--vodflow.db.user=" + db.user(), "--vodflow.db.password=" + db.password(),
                "--vodflow.kafka.bootstrap=" + kafka.bootstrapServers(), "--vodflow.jwt.secret=" + JWT_SECRET,
                "--vodflow.processor.partial-deletes=KEEP_MEDIA", "--vodflow.processor.batch-wait=10ms",
                "--vodflow.processor.outbox-poll-interval=100ms");
        producer = new TestProducer(kafka.bootstrapServers());
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(15)).build();
        codec = app.getBean(SourceContextCodec.class);
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aPartialDeletionKeepsTheMediaAndHidesTheRemovedParts() throws Exception {
        String fileId = "5285890799000000001";
        String user = "u-parts";
        uploadAndFinish(fileId, "1500000001-Procedure-kept-1t0", user);
        awaitReady(fileId);

        byte[] deletion = Fixtures.deletion(fileId, RENDITION_100030, ORIGINAL);
        send(fileId, deletion);
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(fileId).contains("MediaPartsDeleted"));

        assertThat(sql.row("SELECT status, deleted_at, user_id FROM media WHERE file_id = ?", fileId))
                .containsEntry("status", "READY").containsEntry("deleted_at", null).containsEntry("user_id", user);
        assertThat(sql.rows("SELECT part_type, definition FROM media_part_deletion WHERE file_id = ? ORDER BY part_type", fileId))
                .extracting(r -> r.get("part_type") + "/" + r.get("definition"))
                .containsExactly("OriginalFiles/0", "TranscodeFiles/100030");
        http.get().uri("/v1/media/{id}", fileId).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("READY")
                .jsonPath("$.mediaUrl").isEmpty()
                .jsonPath("$.originalDeletedAt").isNotEmpty()
                .jsonPath("$.renditions.length()").isEqualTo(0)
                .jsonPath("$.deletedParts.length()").isEqualTo(2)
                .jsonPath("$.deletedParts[?(@.type == 'TranscodeFiles')].definition").isEqualTo(100030);

        JsonNode event = JSON.readTree(eventsOf(fileId).stream()
                .filter(r -> "MediaPartsDeleted".equals(TopicReader.header(r, OutboxRelay.EVENT_TYPE_HEADER)))
                .findFirst().orElseThrow().value());
        assertThat(event.get("userId").asText()).isEqualTo(user);
        assertThat(event.get("status").asText()).isEqualTo("READY");
        assertThat(event.get("deletedParts")).hasSize(2);

        // a redelivery of the same callback is a duplicate; a later whole deletion still deletes the media
        send(fileId, deletion, Fixtures.deletion(fileId));
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(fileId).contains("MediaDeleted"));
        assertThat(typesOf(fileId)).filteredOn("MediaPartsDeleted"::equals).hasSize(1);
        assertThat(sql.row("SELECT status FROM media WHERE file_id = ? AND deleted_at IS NOT NULL", fileId))
                .containsEntry("status", "DELETED");
    }

    @Test
    void aRenditionDeletedBeforeItsCallbacksArriveStaysHiddenAndTheUploadStillLinks() {
        String fileId = "5285890799000000002";
        String user = "u-parts-early";
        send(fileId, Fixtures.deletion(fileId, RENDITION_100030));
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.row("SELECT 1 FROM media_part_deletion WHERE file_id = ?",
                fileId) != null);
        uploadAndFinish(fileId, "1500000001-Procedure-kept-2t0", user);
        awaitReady(fileId);

        assertThat(sql.row("SELECT attribution, user_id FROM media WHERE file_id = ?", fileId))
                .containsEntry("attribution", "LINKED").containsEntry("user_id", user);
        http.get().uri("/v1/media/{id}", fileId).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.mediaUrl").isNotEmpty()
                .jsonPath("$.originalDeletedAt").isEmpty()
                .jsonPath("$.renditions.length()").isEqualTo(0)
                .jsonPath("$.deletedParts[0].type").isEqualTo("TranscodeFiles");
    }

    @Test
    void theSamePartDeletedAgainAfterANewTranscodeIsDeletedAgain() throws Exception {
        String fileId = "5285890799000000003";
        String user = "u-parts-again";
        uploadAndFinish(fileId, "1500000001-Procedure-kept-3t0", user);
        awaitReady(fileId);
        byte[] deletion = Fixtures.deletion(fileId, RENDITION_100030);
        send(fileId, deletion);
        await().atMost(Duration.ofSeconds(30)).until(() -> renditionCount(fileId, user) == 0);

        // a new transcode with the same template brings the rendition back (its FinishTime, in whole seconds, after
        // the deletion)
        Thread.sleep(1_100);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        send(fileId, new String(Fixtures.body("v3-procedure-finish.json", fileId, "1500000001-Procedure-kept-3t1", null),
                StandardCharsets.UTF_8).replace(FIXTURE_FINISH_TIME, now).getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> renditionCount(fileId, user) == 1);

        // deleting it again makes VOD send the very same body; past the redelivery window it is a new deletion
        sql.update("UPDATE processed_event SET processed_at = processed_at - interval '1 hour' WHERE dedupe_id = ?",
                new CallbackRoutingReader().read(deletion).dedupeId());
        send(fileId, deletion);
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(fileId).stream().filter("MediaPartsDeleted"::equals).count() == 2);
        assertThat(renditionCount(fileId, user)).isZero();
        assertThat(eventsOf(fileId).stream()
                .filter(r -> "MediaPartsDeleted".equals(TopicReader.header(r, OutboxRelay.EVENT_TYPE_HEADER)))
                .map(r -> TopicReader.header(r, OutboxRelay.EVENT_ID_HEADER)).distinct()).hasSize(2);

        // a redelivery inside the window is still a duplicate
        send(fileId, deletion);
        send(fileId, Fixtures.deletion(fileId));
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(fileId).contains("MediaDeleted"));
        assertThat(typesOf(fileId)).filteredOn("MediaPartsDeleted"::equals).hasSize(2);
    }

    private static int renditionCount(String fileId, String user) {
        byte[] body = http.get().uri("/v1/media/{id}", fileId).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return JSON.readTree(body).get("renditions").size();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady(String fileId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.row("SELECT 1 FROM media WHERE file_id = ? AND status = 'READY'",
                fileId) != null);
    }

    private static void uploadAndFinish(String fileId, String taskId, String user) {
        String context = codec.issue(SignatureRows.insert(sql, user, false));
        send(fileId, Fixtures.body("v3-new-file-upload.json", fileId, taskId, context),
                Fixtures.body("v3-procedure-finish.json", fileId, taskId, null));
    }

    private static void send(String key, byte[]... bodies) {
        for (byte[] body : bodies) {
            producer.send(VodTopics.CALLBACKS, key, body,
                    Map.of(CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis())));
        }
    }

    private static String token(String userId) {
        return DevJwt.mint(JWT_SECRET, userId, List.of(), Duration.ofMinutes(10));
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(String fileId) {
        return TopicReader.readAll(kafka.bootstrapServers(), VodTopics.MEDIA_EVENTS).stream()
                .filter(r -> fileId.equals(r.key())).toList();
    }

    private static List<String> typesOf(String fileId) {
        return eventsOf(fileId).stream().map(r -> TopicReader.header(r, OutboxRelay.EVENT_TYPE_HEADER)).toList();
    }
}
