package io.vodflow.ingress.http;

import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.CallbackTopicReader;
import io.vodflow.ingress.Fixtures;
import io.vodflow.kit.testing.ApiDocs;
import io.vodflow.kit.testing.KeepAliveReplay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The push path against a real broker: every fixture lands on vod.callbacks with key, body and headers as specified. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class CallbackPushIT {
    static final KafkaBroker KAFKA = VodflowInfra.get().kafka();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        KAFKA.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_push"), KAFKA);
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    static List<String> pushFixtures() {
        return Fixtures.PUSH;
    }

    @BeforeEach
    void longerTimeout() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(15)).build();
    }

    @ParameterizedTest
    @MethodSource("pushFixtures")
    void everyFixtureIsPublishedUntouchedWithRoutingHeaders(String fixture) {
        byte[] body = Fixtures.bytes(fixture);
        var expected = new CallbackRoutingReader().read(body);
        try (CallbackTopicReader topic = new CallbackTopicReader(KAFKA.bootstrapServers())) {
            long before = System.currentTimeMillis();
            http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("accepted").jsonPath("$.durableIn").isEqualTo("kafka");
            long after = System.currentTimeMillis();

            List<ConsumerRecord<String, byte[]>> records = topic.read(1, r -> Arrays.equals(r.value(), body), Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(record.key()).isEqualTo(fixture.contains("unknown") ? "1500000001-future-1" : "3270835012345678901");
            assertThat(record.value()).isEqualTo(body);
            Map<String, String> h = CallbackTopicReader.headers(record);
            assertThat(h).containsEntry(CallbackHeaders.FORMAT, fixture.startsWith("v2") ? "v2" : "v3")
                    .containsEntry(CallbackHeaders.EVENT_TYPE, expected.eventType())
                    .containsEntry(CallbackHeaders.SOURCE, "push")
                    .containsEntry(CallbackHeaders.DEDUPE_ID, expected.dedupeId())
                    .doesNotContainKey(CallbackHeaders.SUB_APP);
            assertThat(Long.parseLong(h.get(CallbackHeaders.RECEIVED_AT))).isBetween(before, after);
        }
    }

    @Test
    void subAppFromThePathBecomesAHeader() {
        byte[] body = Fixtures.newFileUpload("5285890700000000001");
        try (CallbackTopicReader topic = new CallbackTopicReader(KAFKA.bootstrapServers())) {
            http.post().uri("/v1/vod/callbacks/1500000001").bodyValue(body).exchange().expectStatus().isOk();

            var records = topic.read(1, r -> Arrays.equals(r.value(), body), Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            assertThat(CallbackTopicReader.headers(records.get(0))).containsEntry(CallbackHeaders.SUB_APP, "1500000001");
            assertThat(records.get(0).key()).isEqualTo("5285890700000000001");
        }
    }

    @Test
    void aRedeliveredCallbackCarriesTheSameDedupeId() {
        byte[] body = Fixtures.newFileUpload("5285890700000000002");
        try (CallbackTopicReader topic = new CallbackTopicReader(KAFKA.bootstrapServers())) {
            http.post().uri("/v1/vod/callbacks").bodyValue(body).exchange().expectStatus().isOk();
            http.post().uri("/v1/vod/callbacks").bodyValue(body).exchange().expectStatus().isOk();

            var records = topic.read(2, r -> Arrays.equals(r.value(), body), Duration.ofSeconds(20));
            assertThat(records).hasSize(2);
            assertThat(records).map(r -> CallbackTopicReader.headers(r).get(CallbackHeaders.DEDUPE_ID)).containsOnly(
                    CallbackTopicReader.headers(records.get(0)).get(CallbackHeaders.DEDUPE_ID));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "[1,2,3]", "\"a string\"", "{\"FileId\":\"1\"}", "{\"EventType\":\"\"}", ""})
    void aBodyThatIsNotAVodEventGets400ProblemSayingWhatIsWrong(String body) {
        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void pagesOutsideTheCallbackPathsCarryTheSecurityHeadersAndTheSwaggerUiCannotBeFramed() {
        http.get().uri("/webjars/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        http.get().uri("/no-such-page").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
        // VOD's notifier is the callback paths' only client: they stay without the extra headers (and their cost)
        http.post().uri("/v1/vod/callbacks").bodyValue(Fixtures.newFileUpload("5285890700000000003")).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-Frame-Options");
    }

    @Test
    void everyRequestOnOneReusedConnectionIsAnswered() throws Exception {
        // answers written off the event loop (health on boundedElastic, a callback on its Kafka ack) used to leave
        // the next request on a keep-alive connection unread
        AtomicLong fileIds = new AtomicLong(5285890790000000000L);
        KeepAliveReplay replay = new KeepAliveReplay(port);
        replay.get("/webjars/swagger-ui/index.html", 200)
                .get("/actuator/health", 200)
                .get("/no-such-page", 404)
                .step("POST /v1/vod/callbacks", b -> b.uri(URI.create(replay.base() + "/v1/vod/callbacks"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                Fixtures.newFileUpload(Long.toString(fileIds.incrementAndGet())))), 200);

        assertThat(replay.run(150, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aSubAppThatIsNotANumberGets400() {
        http.post().uri("/v1/vod/callbacks/abc").bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("subAppId"));
    }

    @Test
    void callbacksNeedNoJwt() {
        // VOD cannot send a bearer token: the public path must not answer 401 without one
        http.post().uri("/v1/vod/callbacks").bodyValue(Fixtures.bytes("v3-file-deleted.json"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownPathIsA404ProblemAndActuatorShowsOnlyItsPublicEndpoints() {
        // the ingress installs no JWT chain: what it does not serve is simply not found, never a login challenge
        for (String path : new String[] {"/v1/media/1", "/actuator/env", "/actuator/configprops"}) {
            http.get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void healthShowsKafkaAndFallbackState() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.ingress.status").isEqualTo("UP")
                .jsonPath("$.components.ingress.details.kafka").isEqualTo("UP")
                .jsonPath("$.components.ingress.details.fallbackStore").isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheCallbackEndpoint() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/v1/vod/callbacks'].post").exists()
                .jsonPath("$.paths['/v1/vod/callbacks'].get").doesNotExist()
                .jsonPath("$.paths['/v1/vod/callbacks/{first}'].post").exists();
    }

    @Test
    void openApiDocumentsEachCallbackPathsErrorAnswersAsProblems() {
        ApiDocs docs = ApiDocs.parse(http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).assertEveryErrorIsAProblem();
        // the body is read as bytes whatever its content type: no 415
        for (String path : new String[] {"/v1/vod/callbacks", "/v1/vod/callbacks/{first}"}) {
            assertThat(docs.codes(path, "post")).containsExactly("200", "400", "401", "408", "413", "429", "503");
        }
        assertThat(docs.codes("/v1/vod/callbacks/{first}/{second}", "post"))
                .containsExactly("200", "400", "401", "404", "408", "413", "429", "503");
        assertThat(docs.response("/v1/vod/callbacks", "post", "429").path("headers").has("Retry-After")).isTrue();
        assertThat(docs.response("/v1/vod/callbacks", "post", "200").path("content").has("application/json")).isTrue();
    }

    @Test
    void anotherMethodOnTheCallbackPathsIsA405Problem() {
        for (String path : new String[] {"/v1/vod/callbacks", "/v1/vod/callbacks/1400000001"}) {
            http.get().uri(path).exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void outcomesAndAckLatencyAreExposedToPrometheus() {
        http.post().uri("/v1/vod/callbacks").bodyValue(Fixtures.bytes("v3-file-deleted.json")).exchange().expectStatus().isOk();
        http.post().uri("/v1/vod/callbacks").bodyValue("[]").exchange().expectStatus().isBadRequest();
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("vodflow_ingress_callbacks_total{", "outcome=\"accepted\"", "reason=\"malformed\"",
                "vodflow_ingress_kafka_ack_seconds", "vodflow_ingress_fallback_backlog");
        // buckets, not only the instance's own percentiles: acks of several instances (or two scrapes) can be combined
        assertThat(metrics).containsPattern("vodflow_ingress_kafka_ack_seconds_bucket\\{[^}]*le=\"[0-9.]+\"[^}]*} [1-9]");
    }
}
