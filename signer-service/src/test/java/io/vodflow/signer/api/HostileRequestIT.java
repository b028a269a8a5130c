package io.vodflow.signer.api;

import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile bodies and request targets on every signer endpoint: always a 4xx problem JSON, never a 5xx, and no row written. */
class HostileRequestIT extends SignerITSupport {

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("truncated", "{\"procedure\":\"LongVideoPreset\",\"ttl".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("deep nesting", ("{\"context\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("huge string", ("{\"context\":\"" + "x".repeat(600_000) + "\"}").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("huge number", ("{\"ttlSeconds\":" + "9".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("wrong types", "{\"oneTime\":{\"a\":1},\"classId\":\"seven\",\"vodSubAppId\":[1]}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("negative ttl", "{\"ttlSeconds\":-5}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("not an object", "\"just a string\"".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, 0x7b}),
                Arguments.of("invalid utf-8 inside a string", new byte[] {'{', '"', 'c', 'o', 'n', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'}),
                Arguments.of("NUL in sessionContext", "{\"sessionContext\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("NUL in context", "{\"context\":\"note\\u0000\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("NUL in procedure", "{\"procedure\":\"Long\\u0000VideoPreset\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("NUL in storageRegion", "{\"storageRegion\":\"ap-chongqing\\u0000\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("number as string", "{\"ttlSeconds\":\"60\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("fraction for an integer", "{\"ttlSeconds\":60.9}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("boolean as string", "{\"oneTime\":\"true\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("boolean for a string", "{\"procedure\":true}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("number for a string", "{\"storageRegion\":7}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("trailing content", "{}xxx".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("two documents", "{} {}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("duplicate keys", "{\"procedure\":\"LongVideoPreset\",\"procedure\":\"Evil\"}".getBytes(StandardCharsets.UTF_8)),
                // the last value would be allowed: refused because it is a duplicate, not because of the policy
                Arguments.of("duplicate keys, the last one allowed", "{\"procedure\":\"Evil\",\"procedure\":\"LongVideoPreset\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("duplicate oneTime", "{\"oneTime\":true,\"oneTime\":false}".getBytes(StandardCharsets.UTF_8)),
                // a misspelled or VOD-named field must not silently give a reusable signature or the default TTL
                Arguments.of("misspelled field", "{\"onetime\":true}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("VOD's parameter name instead of ours", "{\"oneTimeValid\":1,\"expireTime\":60}".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void aHostileIssueBodyIsA4xxProblemAndWritesNoRow(String what, byte[] body) {
        String user = newUser();
        EntityExchangeResult<byte[]> result = client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody().returnResult();
        assertThat(result.getStatus().is4xxClientError()).as(what + ": " + result.getStatus()).isTrue();
        assertThat(result.getResponseHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(query("SELECT count(*) AS n FROM upload_signature WHERE user_id = ?", user).get(0).get("n")).isEqualTo(0L);
    }

    @Test
    void anUnreadableContentTypeOrAcceptStillGetsAProblemBody() {
        String user = newUser();
        for (String[] headers : new String[][] {{"Content-Type", "application/json; charset=bogus"}, {"Content-Type", "garbage"},
                {"Accept", "garbage"}}) {
            EntityExchangeResult<byte[]> result = client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(user)))
                    .header("Content-Type", "application/json").header(headers[0], headers[1])
                    .bodyValue("{\"ttlSeconds\":0}".getBytes(StandardCharsets.UTF_8)).exchange().expectBody().returnResult();
            assertThat(result.getStatus().is4xxClientError()).as(headers[1] + ": " + result.getStatus()).isTrue();
            assertThat(result.getResponseHeaders().getContentType()).as(headers[1]).isNotNull()
                    .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(result.getResponseBody()).as(headers[1]).isNotEmpty();
        }
    }

    @Test
    void anAcceptHeaderThatDoesNotParseIsTheSame400OnEveryRoute() {
        String token = tokenFor(newUser());
        for (WebTestClient.RequestHeadersSpec<?> request : java.util.List.<WebTestClient.RequestHeadersSpec<?>>of(
                client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{}"),
                client.get().uri(PATH + "/00000000-0000-0000-0000-000000000000"))) {
            request.headers(h -> h.setBearerAuth(token)).header("Accept", ";;;").exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Malformed media type");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DELETE", "TRACE", "FOO"})
    void aMethodTheRouteDoesNotTakeIs405WithAllow(String method) {
        client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(PATH).headers(h -> h.setBearerAuth(tokenFor(newUser())))
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anAnswerBeforeTheBodyEndsClosesTheConnectionSoTheNextRequestIsNotEatenAsBody() {
        String user = newUser();
        byte[] body = ("{\"context\":\"" + "x".repeat(4_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().valueEquals("Connection", "close");
        client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"context\":\"after\"}").exchange().expectStatus().isCreated();
    }

    @Test
    void aBodyOverTheLimitIs413AndLogsNoError(CapturedOutput output) {
        String json = "{\"context\":\"" + "x".repeat(600_000) + "\"}";
        int logged = output.getOut().length();
        for (int i = 0; i < 10; i++) {
            String token = i % 2 == 0 ? adminToken() : tokenFor(newUser());
            for (String target : new String[] {PATH, PATH + "/verify"}) {
                for (boolean chunked : new boolean[] {false, true}) {
                    WebTestClient.RequestBodySpec request = client.post().uri(target).headers(h -> h.setBearerAuth(token))
                            .contentType(MediaType.APPLICATION_JSON);
                    (chunked ? request.body(inChunks(json), DataBuffer.class) : request.bodyValue(json.getBytes(StandardCharsets.UTF_8)))
                            .exchange()
                            .expectStatus().isEqualTo(413)
                            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody().jsonPath("$.title").isEqualTo("Payload too large");
                }
            }
        }
        // Reactor Netty's own log of a body cut off inside the JSON decoder (reactor-netty #3683)
        assertThat(output.getOut().substring(logged)).doesNotContain("IllegalReferenceCountException")
                .doesNotContain("\"level\":\"ERROR\"");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() {
        String user = newUser();
        client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .body(inChunks("{\"context\":\"" + "c".repeat(1_000) + "\",\"oneTime\":true}"), DataBuffer.class).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.oneTime").isEqualTo(true);
        assertThat(query("SELECT client_context FROM upload_signature WHERE user_id = ?", user))
                .singleElement().extracting(r -> r.get("client_context")).isEqualTo("c".repeat(1_000));
    }

    /** The body as a stream of 100-byte chunks, so the client sends it chunked (no Content-Length). */
    private static Flux<DataBuffer> inChunks(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Flux.range(0, (bytes.length + 99) / 100).<DataBuffer>map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOfRange(bytes, i * 100, Math.min(bytes.length, i * 100 + 100))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"sessionContext\":1.5}", "{\"context\":5}", "{\"context\":true}", "{\"storageRegion\":false}",
            "{\"procedure\":12}"})
    void aNumberOrBooleanForATextFieldIsA400NotText(String body) {
        String user = newUser();
        client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri(PATH + "/verify").headers(h -> h.setBearerAuth(adminToken())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"signature\":123}".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isBadRequest();
        assertThat(query("SELECT count(*) AS n FROM upload_signature WHERE user_id = ?", user).get(0).get("n")).isEqualTo(0L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void aHostileVerifyBodyIsA4xxProblem(String what, byte[] body) {
        EntityExchangeResult<byte[]> result = client.post().uri(PATH + "/verify").headers(h -> h.setBearerAuth(adminToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody().returnResult();
        assertThat(result.getStatus().is4xxClientError()).as(what + ": " + result.getStatus()).isTrue();
    }

    static Stream<String> targets() {
        return Stream.of(PATH + "/not-a-uuid", PATH + "/%00", PATH + "/" + "a".repeat(3_000), PATH + "/..%2F..%2Fetc",
PATH + "/%F0%28%8C%BC", PATH + "//");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aHostileRecordTargetIsA4xxNotA5xx(String target) {
        for (var method : new org.springframework.http.HttpMethod[] {org.springframework.http.HttpMethod.GET,
                org.springframework.http.HttpMethod.DELETE}) {
            EntityExchangeResult<byte[]> result = client.method(method).uri(java.net.URI.create("http://127.0.0.1:" + port + target))
                    .headers(h -> h.setBearerAuth(tokenFor(newUser()))).exchange().expectBody().returnResult();
            assertThat(result.getStatus().is4xxClientError()).as(method + " " + target + ": " + result.getStatus()).isTrue();
            assertThat(result.getResponseHeaders().getContentType()).as(method + " " + target).isNotNull()
                    .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }
}
