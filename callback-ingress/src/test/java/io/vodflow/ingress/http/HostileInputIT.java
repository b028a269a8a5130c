package io.vodflow.ingress.http;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever arrives, the answer is never a 5xx: bad bodies are 400, oversized ones 413, odd content types are ignored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputIT {
    static final KafkaBroker KAFKA = VodflowInfra.get().kafka();
    static final int MAX = 256 * 1024;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        KAFKA.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_hostile"), KAFKA);
    }

    @Autowired
    WebTestClient http;
    @LocalServerPort
    int port;

    @BeforeEach
    void longerTimeout() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(15)).build();
    }

    static Stream<Arguments> badBodies() {
        String fixture = Fixtures.text("v3-procedure-finish.json");
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        return Stream.of(
                Arguments.of("truncated JSON", fixture.substring(0, fixture.length() / 2).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("deep array nesting", ("{\"EventType\":\"X\",\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("deep object nesting", ("{\"EventType\":\"X\",\"a\":" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000) + "}")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("huge event type", ("{\"EventType\":\"" + "A".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("numeric event type", "{\"EventType\":5}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("null event type", "{\"EventType\":null}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("object event type", "{\"eventType\":{\"a\":1},\"data\":{}}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("random binary", random),
                Arguments.of("NUL bytes", new byte[64]),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'E', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}),
                Arguments.of("empty body", new byte[0]),
                Arguments.of("whitespace only", "  \n\t ".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("two objects", "{\"EventType\":\"A\"}{\"EventType\":\"B\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("JSON number", "12345".getBytes(StandardCharsets.UTF_8)),
                // ids and types become Kafka keys and headers and, in a Kafka outage, Postgres text and jsonb
                Arguments.of("NUL in the event type", "{\"EventType\":\"X\\u0000\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("lone surrogate in the event type", "{\"EventType\":\"X\\ud800\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("NUL in the FileId", "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"1\\u00002\"}}"
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("FileId of 10 KB", ("{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\""
                        + "7".repeat(10_000) + "\"}}").getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBodyThatIsNotAVodEventIs400Problem(String what, byte[] body) {
        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> oddButValidEvents() {
        return Stream.of(
                Arguments.of("member of the wrong type", "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":\"text\"}"),
                Arguments.of("numeric FileId", "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":123}}"),
                Arguments.of("v2 data array", "{\"eventType\":\"NewFileUpload\",\"data\":[1,2]}"),
                Arguments.of("object Sign and T", "{\"EventType\":\"X\",\"Sign\":{},\"T\":[]}"),
                Arguments.of("huge string field", "{\"EventType\":\"X\",\"Blob\":\"" + "b".repeat(250_000) + "\"}"),
                Arguments.of("unicode", "{\"EventType\":\"X\",\"Name\":\"\u89c6\u9891 \ud83c\udfac\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddButValidEvents")
    void anOddButWellFormedEventIsAcceptedNotRejected(String what, String body) {
        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data",
            ";;;not a media type", ""})
    void anyContentTypeIsIgnoredAndTheBodyReadAsJson(String contentType) throws Exception {
        // a raw client: WebClient itself refuses to send an unparsable Content-Type
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/vod/callbacks"))
                .timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("v3-new-file-upload.json")));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheMaximumIs413() {
        byte[] body = Arrays.copyOf(Fixtures.bytes("v3-new-file-upload.json"), MAX + 1);
        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anAnswerBeforeTheBodyEndsClosesTheConnectionSoTheNextCallbackIsNotEatenAsBody() {
        byte[] body = Arrays.copyOf(Fixtures.bytes("v3-new-file-upload.json"), 16 * MAX);
        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().valueEquals("Connection", "close");
        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON).bodyValue("{")
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aChunkedBodyOverTheMaximumIs413() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON)
                .body(Flux.range(0, 6).map(i -> chunk), byte[].class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void otherMethodsAndPathsAreClientErrors() {
        http.get().uri("/v1/vod/callbacks").exchange().expectStatus().value(s -> assertThat(s).isBetween(400, 499));
        http.put().uri("/v1/vod/callbacks").bodyValue("{}").exchange().expectStatus().value(s -> assertThat(s).isBetween(400, 499));
        http.post().uri("/v1/vod/callbacks/1/2/3").bodyValue("{}").exchange().expectStatus().value(s -> assertThat(s).isBetween(400, 499));
        http.post().uri("/v1/vod/callbacks/1/2").bodyValue("{}").exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/vod/callbacks/%2e%2e/%2e%2e/actuator/env", "/v1/vod/callbacks;jsessionid=1",
            "/v1/vod/callbacks/..;/x", "/v1/vod/callbacks/%00", "/v1/vod/callbacks/%ZZ", "/v1/vod/callbacks/%E2%82",
            "/v1/vod//callbacks", "/v1/vod/callbacks/99999999999999999999999999", "/v1/vod/callbacks/-1",
            "/v1/vod/callbacks?T=%ZZ&Sign=%", "/v1/vod/callbacks?%%%=&&=", "/v1/vod/callbacks/\\x", "//v1/vod/callbacks",
            "/v1/vod/callbacks/1/%2F", "*"})
    void aHostileRequestTargetIsNeverA5xx(String target) throws Exception {
        // a raw socket: the JDK and Spring clients refuse to send most of these targets at all
        assertThat(rawPostStatus(target)).as(target).isBetween(200, 499);
    }

    @Test
    void aHugeRequestTargetOrHeaderIsAProblemNotA5xx() throws Exception {
        // refused by the HTTP decoder before Spring sees the request; still a problem JSON, then the connection closes
        assertThat(rawPost("/v1/vod/callbacks/" + "a".repeat(20_000), ""))
                .startsWith("HTTP/1.1 414").containsIgnoringCase("content-type: application/problem+json").contains("\"status\":414");
        assertThat(rawPost("/v1/vod/callbacks", "X-Padding: " + "b".repeat(20_000) + "\r\n"))
                .startsWith("HTTP/1.1 431").containsIgnoringCase("content-type: application/problem+json").contains("\"status\":431");
    }

    private int rawPostStatus(String target) throws Exception {
        String response = rawPost(target, "");
        assertThat(response).as("status line for " + target).startsWith("HTTP/1.1 ");
        return Integer.parseInt(response.substring(9, 12));
    }

    /** The whole response to a POST of a fixture written byte for byte, with extra header lines. */
    private String rawPost(String target, String extraHeaders) throws Exception {
        byte[] body = Fixtures.bytes("v3-file-deleted.json");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n" + extraHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readUntilClosed(socket);
        }
    }

    /** What the server sent before it closed; a refusal may close with the body unread, which resets the socket. */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            if (read.size() == 0) {
                throw reset;
            }
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "image/png", "application/xml"})
    void anyAcceptHeaderStillGetsTheRealAnswer(String accept) {
        http.post().uri("/v1/vod/callbacks").header("Accept", accept).bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange().expectStatus().isOk();
        http.post().uri("/v1/vod/callbacks").header("Accept", accept).bodyValue("[]")
                .exchange().expectStatus().isBadRequest();
    }
}
