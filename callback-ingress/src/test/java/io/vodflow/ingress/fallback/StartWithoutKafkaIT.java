package io.vodflow.ingress.fallback;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.CallbackTopicReader;
import io.vodflow.ingress.Fixtures;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An ingress started while its Kafka is down (a cold start of the whole site, say): it answers VOD from the
 * fallback store, and once Kafka comes up it creates its topic as configured, relays what it kept and answers
 * through Kafka again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vodflow.ingress.relay.interval=200ms", "vodflow.ingress.relay.backlog-refresh=300ms", "vodflow.kafka.partitions=3"})
@DirtiesContext // its broker goes away after the class; a cached context would keep retrying it
class StartWithoutKafkaIT {
    static final KafkaBroker BROKER = VodflowInfra.get().newKafkaBroker();
    static final int KEPT = 20;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        BROKER.stop();
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_cold_start"), BROKER);
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    FallbackBacklog backlog;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void callbacksKeptWhileKafkaWasDownAtStartReachItOnceItIsUp() throws Exception {
        // the start waited for Kafka in vain: the instance comes up with Kafka bypassed, before any callback missed it
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"kafka\":\"BYPASSED\"");
        // the fallback store takes the callbacks: still ready for traffic
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        List<String> kept = new ArrayList<>();
        for (int i = 0; i < KEPT; i++) {
            String fileId = String.valueOf(7_100_000_000_000L + i);
            HttpResponse<String> answer = post(fileId);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"durableIn\":\"fallback\"");
            kept.add(fileId);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog.backlog() == KEPT);

        long up = System.nanoTime();
        BROKER.start();
        try (Admin admin = Admin.create(BROKER.clientProperties())) {
            int partitions = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> admin
                    .describeTopics(List.of(VodTopics.CALLBACKS)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(VodTopics.CALLBACKS).partitions().size(), n -> n > 0);
            assertThat(partitions).as("created as configured, not by auto-creation").isEqualTo(3);
        }
        try (CallbackTopicReader topic = new CallbackTopicReader(BROKER.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> relayed = topic.read(KEPT, r -> true, Duration.ofSeconds(90));
            System.out.printf("cold start: %d kept callbacks in Kafka %d ms after it came up%n", KEPT,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - up));
            assertThat(relayed).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(kept);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog.backlog() == 0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> post(String.valueOf(7_100_000_009_999L)).body().contains("\"durableIn\":\"kafka\""));
    }

    private HttpResponse<String> post(String fileId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/vod/callbacks"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.newFileUpload(fileId))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
