package io.vodflow.ingress.http;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Past the in-flight limit the ingress sheds load with 429 and Retry-After instead of queueing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vodflow.ingress.max-in-flight=1", "vodflow.ingress.retry-after=2s",
        "vodflow.ingress.body-read-timeout=3s"})
class OverloadIT {
    static final KafkaBroker KAFKA = VodflowInfra.get().kafka();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        KAFKA.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_overload"), KAFKA);
    }

    @Autowired
    WebTestClient http;
    @Autowired
    InFlightLimitFilter limit;
    @LocalServerPort
    int port;

    @Test
    void aCallbackBeyondTheInFlightLimitGets429WithRetryAfterAndTheNextOneAfterwardIsAccepted() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", port)) {
            // a request whose body never completes holds the only in-flight slot
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/vod/callbacks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"EventType\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> limit.inFlight() == 1);

            http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader().valueEquals("Retry-After", "2")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            // operators still see health while callbacks are shed
            http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> limit.inFlight() == 0);
        http.mutate().responseTimeout(Duration.ofSeconds(15)).build()
                .post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aStalledBodyGets408AndFreesItsSlot() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", port)) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/vod/callbacks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.setSoTimeout(15_000);
            String answer = new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> limit.inFlight() == 0);
    }
}
