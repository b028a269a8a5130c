package io.vodflow.localstack.bench;

import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingress benchmark's Kafka baseline answers 200 only with the body in the topic, as the ingress does. */
class BareKafkaRouteIT {

    @Test
    void answersAfterTheBodyIsInKafka() throws Exception {
        KafkaBroker kafka = VodflowInfra.get().kafka();
        kafka.createTopic(BareKafkaRoute.TOPIC, 2);
        String body = "{\"EventType\":\"bench\",\"n\":" + System.nanoTime() + "}";
        try (ConfigurableApplicationContext app = BareEndpointApplication.run(new String[]{"--server.port=0",
                "--" + BareKafkaRoute.BOOTSTRAP_PROPERTY + "=" + kafka.bootstrapServers()})) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + BareKafkaRoute.PATH))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"status\":\"accepted\"}");
        }
        assertThat(topicValues(kafka.bootstrapServers())).contains(body);
    }

    private static List<String> topicValues(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bare-kafka-it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(BareKafkaRoute.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // the answer came after the ack, so the record is there at once; the loop only waits for the group join
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
