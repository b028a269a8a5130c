package io.vodflow.ingress.publish;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.Fixtures;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a broker with auto.create.topics.enable (Kafka's default) the ingress's producer must not have vod.callbacks
 * created with the broker's defaults before the provisioner creates it as configured; a callback that arrives
 * meanwhile is kept and reaches the topic once it exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no start-up wait for Kafka, so that a callback can arrive before the topic exists
        properties = {"vodflow.kafka.partitions=3", "vodflow.ingress.relay.interval=200ms", "vodflow.ingress.startup-kafka-wait=0s"})
@DirtiesContext // its broker goes away after the class
class TopicAutoCreationIT {
    static final KafkaBroker BROKER = VodflowInfra.get().newAutoCreatingKafkaBroker();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_auto_create"), BROKER);
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void theCallbacksTopicHasTheConfiguredPartitionsAndAnEarlyCallbackReachesIt() throws Exception {
        byte[] body = Fixtures.bytes("v3-new-file-upload.json");
        http.mutate().responseTimeout(Duration.ofSeconds(15)).build()
                .post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();

        try (Admin admin = Admin.create(BROKER.clientProperties())) {
            TopicDescription topic = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of(VodTopics.CALLBACKS)).allTopicNames().get(10, TimeUnit.SECONDS)
                            .get(VodTopics.CALLBACKS), d -> d != null);
            assertThat(topic.partitions()).as("partitions of %s (the broker's own default is 1)", VodTopics.CALLBACKS)
                    .hasSize(3);
        }
        assertThat(readFromStart(body, Duration.ofSeconds(60))).as("the callback, once").hasSize(1);
    }

    private static List<ConsumerRecord<String, byte[]>> readFromStart(byte[] body, Duration timeout) {
        Map<String, Object> cfg = new java.util.HashMap<>(BROKER.clientProperties());
        cfg.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        cfg.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        cfg.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cfg)) {
            List<TopicPartition> partitions = consumer.partitionsFor(VodTopics.CALLBACKS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (Arrays.equals(r.value(), body)) {
                        found.add(r);
                    }
                });
            }
            // anything doubled would sit right behind it
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (Arrays.equals(r.value(), body)) {
                    found.add(r);
                }
            });
        }
        return found;
    }
}
