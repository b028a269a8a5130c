package io.vodflow.ingress.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.contract.callback.CallbackSignatureVerifier;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.Fixtures;
import io.vodflow.ingress.observe.IngressMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SignKey and path-token checks: Sign/T accepted in body, headers or query in any case, under the SignKey or the one
 * being rotated out; failures are 401 and counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vodflow.ingress.sign-key=" + CallbackAuthenticationIT.SIGN_KEY,
        "vodflow.ingress.previous-sign-key=" + CallbackAuthenticationIT.PREVIOUS_SIGN_KEY,
        "vodflow.ingress.path-token=" + CallbackAuthenticationIT.PATH_TOKEN,
        // the ingress checks no JWT: an empty VODFLOW_JWT_SECRET (an operator's env file) must not stop it
        "vodflow.jwt.secret="})
class CallbackAuthenticationIT {
    static final String SIGN_KEY = "VodCbKey2024abc";
    /** The key being rotated out: still accepted, and counted so the operator knows when it can go. */
    static final String PREVIOUS_SIGN_KEY = "VodCbKey2023xyz";
    static final String PATH_TOKEN = "s3cr3t-path-token";
    static final String URL = "/v1/vod/callbacks/" + PATH_TOKEN;
    static final KafkaBroker KAFKA = VodflowInfra.get().kafka();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        KAFKA.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_auth"), KAFKA);
    }

    @Autowired
    WebTestClient http;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void longerTimeout() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(15)).build();
    }

    static long inTenMinutes() {
        return Instant.now().plusSeconds(600).getEpochSecond();
    }

    static String withBodySignature(String signName, String tName, String sign, String t) {
        String body = Fixtures.text("v3-procedure-finish.json").trim();
        return "{\"" + signName + "\":\"" + sign + "\",\"" + tName + "\":" + t + "," + body.substring(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sign/T", "sign/t", "SIGN/T"})
    void signAndTAsTopLevelBodyFieldsInAnyCaseAreAccepted(String names) {
        long t = inTenMinutes();
        String[] n = names.split("/");
        http.post().uri(URL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withBodySignature(n[0], n[1], CallbackSignatureVerifier.sign(SIGN_KEY, t), Long.toString(t)))
                .exchange().expectStatus().isOk();
    }

    @Test
    void signAndTAsHeadersAreAccepted() {
        long t = inTenMinutes();
        http.post().uri(URL).header("sign", CallbackSignatureVerifier.sign(SIGN_KEY, t).toUpperCase()).header("t", Long.toString(t))
                .bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void signAndTAsQueryParametersInAnyCaseAreAccepted() {
        long t = inTenMinutes();
        http.post().uri(URL + "?SIGN={s}&t={t}", CallbackSignatureVerifier.sign(SIGN_KEY, t), t)
                .bodyValue(Fixtures.bytes("v2-new-file-upload.json"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void theSubAppPrecedesThePathToken() {
        long t = inTenMinutes();
        http.post().uri("/v1/vod/callbacks/1500000001/" + PATH_TOKEN + "?Sign={s}&T={t}", CallbackSignatureVerifier.sign(SIGN_KEY, t), t)
                .bodyValue(Fixtures.bytes("v3-file-deleted.json"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aMissingSignatureIs401AndCounted() {
        double before = rejected("signature_missing");
        http.post().uri(URL).bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("Sign and T are required"));
        assertThat(rejected("signature_missing")).isEqualTo(before + 1);
    }

    @Test
    void aPassedTIs401() {
        long t = Instant.now().minusSeconds(5).getEpochSecond();
        double before = rejected("signature_expired");
        http.post().uri(URL).bodyValue(withBodySignature("Sign", "T", CallbackSignatureVerifier.sign(SIGN_KEY, t), Long.toString(t)))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("expired"));
        assertThat(rejected("signature_expired")).isEqualTo(before + 1);
    }

    @Test
    void aSignMadeWithAnotherKeyIs401AndTheKeyNeverAppearsInTheAnswer() {
        long t = inTenMinutes();
        double before = rejected("signature_mismatch");
        String answer = http.post().uri(URL)
                .bodyValue(withBodySignature("Sign", "T", CallbackSignatureVerifier.sign("OtherKey", t), Long.toString(t)))
                .exchange().expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).doesNotContain(SIGN_KEY).doesNotContain(PREVIOUS_SIGN_KEY);
        assertThat(rejected("signature_mismatch")).isEqualTo(before + 1);
    }

    @Test
    void duringARotationTheSignKeyBeingRotatedOutIsStillAcceptedAndCounted() {
        long t = inTenMinutes();
        double before = signedWithPreviousKey();
        http.post().uri(URL).bodyValue(withBodySignature("Sign", "T", CallbackSignatureVerifier.sign(PREVIOUS_SIGN_KEY, t), Long.toString(t)))
                .exchange().expectStatus().isOk();
        assertThat(signedWithPreviousKey()).isEqualTo(before + 1);
        http.post().uri(URL).bodyValue(withBodySignature("Sign", "T", CallbackSignatureVerifier.sign(SIGN_KEY, t), Long.toString(t)))
                .exchange().expectStatus().isOk();
        assertThat(signedWithPreviousKey()).as("the current key is not counted").isEqualTo(before + 1);

        long passed = Instant.now().minusSeconds(5).getEpochSecond();
        http.post().uri(URL).bodyValue(withBodySignature("Sign", "T", CallbackSignatureVerifier.sign(PREVIOUS_SIGN_KEY, passed),
                        Long.toString(passed)))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("expired"));
    }

    @Test
    void aNonNumericTIs401() {
        http.post().uri(URL).bodyValue(withBodySignature("Sign", "T", "abc", "\"soon\""))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aWrongOrMissingPathTokenIs401AndCounted() {
        long t = inTenMinutes();
        double before = rejected("path_token");
        http.post().uri("/v1/vod/callbacks/wrong-token?Sign={s}&T={t}", CallbackSignatureVerifier.sign(SIGN_KEY, t), t)
                .bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange().expectStatus().isUnauthorized();
        http.post().uri("/v1/vod/callbacks?Sign={s}&T={t}", CallbackSignatureVerifier.sign(SIGN_KEY, t), t)
                .bodyValue(Fixtures.bytes("v3-new-file-upload.json"))
                .exchange().expectStatus().isUnauthorized();
        assertThat(rejected("path_token")).isEqualTo(before + 2);
    }

    private double signedWithPreviousKey() {
        var counter = meters.find("vodflow.ingress.callbacks.previous.sign.key").counter();
        return counter == null ? 0 : counter.count();
    }

    private double rejected(String reason) {
        var counter = meters.find(IngressMetrics.CALLBACKS).tag("outcome", "rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
