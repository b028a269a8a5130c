package io.vodflow.localstack;

import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.kafka.EmbeddedKafkaBroker;
import io.vodflow.infra.kafka.SaslPlainUser;
import io.vodflow.localstack.demo.Delivery;
import io.vodflow.localstack.demo.UploadStoryPlayer;
import io.vodflow.localstack.fleet.ServiceModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
 * The three service jars against a Kafka that requires a SASL/PLAIN login (as managed Kafka services do), given only
 * through VODFLOW_KAFKA_CLIENT_* variables: every Kafka client of every service (producers, consumers, the topic
 * provisioner, the live stream's reader) logs in, and the password never reaches a log line.
 */
class SaslKafkaIT {
    private static final SaslPlainUser LOGIN = new SaslPlainUser("vodflow-app", "sasl-" + UUID.randomUUID());
    private static final String USER = "sasl-user-" + UUID.randomUUID();
    private static E2eStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        Map<String, String> env = Map.of(
                "VODFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "VODFLOW_KAFKA_CLIENT_SASL_MECHANISM", "PLAIN",
                "VODFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG", LOGIN.jaasConfig());
        stack = E2eStack.start("sasl", EmbeddedKafkaBroker.startTemporary(LOGIN), env);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anUploadStoryFlowsThroughABrokerThatRequiresALogin() throws Exception {
        List<String> live = new CopyOnWriteArrayList<>();
        HttpRequest events = HttpRequest.newBuilder(URI.create(stack.fleet.url(ServiceModule.PROCESSOR) + "/v1/users/me/events"))
                .header("Authorization", "Bearer " + DevJwt.mint(E2eStack.DEV.jwtSecret(), USER, List.of(), Duration.ofHours(1)))
                .header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(events, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(res -> res.body().forEach(live::add));

        UploadStoryPlayer player = new UploadStoryPlayer(stack.clientFor(USER), stack.vod, stack.ingressUrl(), System.out);
        UploadStoryPlayer.Outcome outcome = player.play(Delivery.IN_ORDER, Duration.ofSeconds(60));

        assertThat(outcome.media().path("userId").asText()).isEqualTo(USER);
        assertThat(outcome.media().path("taskStatus").asText()).isEqualTo("FINISH");
        // the outbox drains only once vod.media.events took its rows, and the live stream reads that topic
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stack.count("select count(*) from outbox_event")).isZero();
            assertThat(live).anySatisfy(line -> assertThat(line).contains(outcome.fileId()));
        });
        for (ServiceModule service : ServiceModule.values()) {
            assertThat(stack.consoles.lines(service.module())).as(service.module()).isNotEmpty()
                    .noneSatisfy(line -> assertThat(line).contains(LOGIN.password()));
        }
    }
}
