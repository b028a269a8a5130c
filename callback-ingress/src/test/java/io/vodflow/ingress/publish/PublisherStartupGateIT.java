package io.vodflow.ingress.publish;

import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Kafka up, the callback port opens only once the publisher can send, so the first callback after a start does
 * not spend VOD's 5 s window waiting for the topic's provisioning and metadata.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its broker goes away after the class
class PublisherStartupGateIT {
    static final KafkaBroker BROKER = VodflowInfra.get().newKafkaBroker();
    static final AtomicReference<Boolean> READY_WHEN_PORT_OPENED = new AtomicReference<>();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_startup_gate"), BROKER);
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @TestConfiguration
    static class PortWatch {
        @Bean
        ApplicationListener<WebServerInitializedEvent> readinessAtPortOpen(ReactorKafkaCallbackPublisher publisher) {
            return event -> READY_WHEN_PORT_OPENED.set(publisher.whenReady().toFuture().isDone());
        }
    }

    @Autowired
    WebTestClient http;

    @Test
    void thePortOpensWithThePublisherReadyAndTheFirstCallbackGoesToKafka() {
        assertThat(READY_WHEN_PORT_OPENED.get()).as("publisher ready when the web server started").isTrue();

        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.durableIn").isEqualTo("kafka");
    }
}
