package io.vodflow.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.kafka.EmbeddedKafkaBroker;
import io.vodflow.infra.kafka.SaslPlainUser;
import io.vodflow.localstack.demo.Delivery;
import io.vodflow.localstack.demo.UploadStoryPlayer;
import io.vodflow.localstack.fleet.ServiceModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole upload story across the real service jars, started as an operator would with only VODFLOW_*
 * variables, against a real Postgres server and a real Kafka broker that requires a SASL/PLAIN login (as managed
 * Kafka services do), given through VODFLOW_KAFKA_CLIENT_*; the other E2E tests use a broker without one.
 */
class UploadStoryIT {
    private static final String USER = "user-" + UUID.randomUUID();
    private static final SaslPlainUser LOGIN = new SaslPlainUser("vodflow-app", "sasl-" + UUID.randomUUID());
    private static E2eStack stack;
    private static UploadStoryPlayer player;

    @BeforeAll
    static void startServices() throws Exception {
        Map<String, String> login = Map.of(
                "VODFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "VODFLOW_KAFKA_CLIENT_SASL_MECHANISM", "PLAIN",
                "VODFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG", LOGIN.jaasConfig());
        stack = E2eStack.start("story", EmbeddedKafkaBroker.startTemporary(LOGIN), login);
        player = new UploadStoryPlayer(stack.clientFor(USER), stack.vod, stack.ingressUrl(), System.out);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void everyDeliveryOrderEndsLinkedToTheUploaderWithFinishedRenditions(Delivery delivery) throws Exception {
        UploadStoryPlayer.Outcome outcome = player.play(delivery, Duration.ofSeconds(60));
        JsonNode media = outcome.media();

        assertThat(media.path("fileId").asText()).isEqualTo(outcome.fileId());
        assertThat(media.path("userId").asText()).isEqualTo(USER);
        assertThat(media.path("signatureId").asText()).isEqualTo(outcome.signatureId());
        assertThat(media.path("taskId").asText()).isEqualTo(outcome.taskId());
        assertThat(media.path("taskStatus").asText()).isEqualTo("FINISH");
        assertThat(media.path("coverUrl").asText()).startsWith("http").contains(outcome.fileId());
        assertThat(media.path("renditions").findValuesAsText("url"))
                .anySatisfy(url -> assertThat(url).endsWith("v.f100030.mp4"))
                .allSatisfy(url -> assertThat(url).contains(outcome.fileId()));
        assertThat(media.path("renditions")).hasSize(stack.vod.settings().renditions().size())
                .allSatisfy(r -> {
                    assertThat(r.path("width").asInt()).isPositive();
                    assertThat(r.path("height").asInt()).isPositive();
                    assertThat(r.path("bitrate").asLong()).isPositive();
                    assertThat(r.path("size").asLong()).isPositive();
                });
        assertThat(stack.count("select count(*) from upload_signature where id = ?::uuid and state = 'USED' and used_file_id = ?",
                outcome.signatureId(), outcome.fileId())).isEqualTo(1);
        assertThat(stack.count("select count(*) from media where file_id = ?", outcome.fileId())).isEqualTo(1);
    }

    @Test
    void everyLineEachServiceWritesIsOneEcsJsonObject() throws Exception {
        player.play(Delivery.IN_ORDER, Duration.ofSeconds(60));
        ObjectMapper json = new ObjectMapper();
        for (ServiceModule service : ServiceModule.values()) {
            List<String> lines = stack.consoles.lines(service.module());
            assertThat(lines).as(service.module() + " wrote its start-up lines").isNotEmpty();
            // a log shipper parses each line; one plain-text line (e.g. a library's own warning) breaks that
            assertThat(lines).as(service.module()).allSatisfy(line ->
                    assertThat(json.readTree(line).path("@timestamp").isTextual()).as(line).isTrue());
        }
    }

    @Test
    void everyKafkaClientLogsInAndThePasswordIsInNoLogLine() throws Exception {
        List<String> live = new CopyOnWriteArrayList<>();
        HttpRequest events = HttpRequest.newBuilder(URI.create(stack.fleet.url(ServiceModule.PROCESSOR) + "/v1/users/me/events"))
                .header("Authorization", "Bearer " + DevJwt.mint(E2eStack.DEV.jwtSecret(), USER, List.of(), Duration.ofHours(1)))
                .header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(events, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(res -> res.body().forEach(live::add));

        UploadStoryPlayer.Outcome outcome = player.play(Delivery.IN_ORDER, Duration.ofSeconds(60));

        // the topics exist and the story was consumed (admin, producer, consumer); the outbox drains only once
        // vod.media.events took its rows, and the live stream reads that topic
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stack.count("select count(*) from outbox_event")).isZero();
            assertThat(live).anySatisfy(line -> assertThat(line).contains(outcome.fileId()));
        });
        for (ServiceModule service : ServiceModule.values()) {
            assertThat(stack.consoles.lines(service.module())).as(service.module())
                    .noneSatisfy(line -> assertThat(line).contains(LOGIN.password()));
        }
    }

    @Test
    void anotherUsersTokenCannotSeeTheMedia() throws Exception {
        UploadStoryPlayer.Outcome outcome = player.play(Delivery.IN_ORDER, Duration.ofSeconds(60));
        assertThat(stack.clientFor("someone-else").media(outcome.fileId()).status()).isEqualTo(404);
    }
}
