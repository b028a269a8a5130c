package io.vodflow.signer.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifyIT extends SignerITSupport {

    private WebTestClient.ResponseSpec verify(String token, String signature) {
        return client.post().uri(PATH + "/verify").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("signature", signature)).exchange();
    }

    @Test
    void adminSeesParamsValidityAndRecordOfAnIssuedSignature() {
        String user = newUser();
        JsonNode issued = issue(user, "{\"procedure\":\"LongVideoPreset\",\"oneTime\":true}");
        verify(adminToken(), issued.get("signature").asText()).expectStatus().isOk().expectBody()
                .jsonPath("$.wellFormed").isEqualTo(true)
                .jsonPath("$.keyId").isEqualTo("primary")
                .jsonPath("$.macValid").isEqualTo(true)
                .jsonPath("$.contractViolation").doesNotExist()
                .jsonPath("$.expired").isEqualTo(false)
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.sourceContextValid").isEqualTo(true)
                .jsonPath("$.params.secretId").isEqualTo(PRIMARY_ID)
                .jsonPath("$.params.procedure").isEqualTo("LongVideoPreset")
                .jsonPath("$.params.oneTimeValid").isEqualTo(1)
                .jsonPath("$.record.id").isEqualTo(issued.get("id").asText())
                .jsonPath("$.record.userId").isEqualTo(user)
                .jsonPath("$.recordState").isEqualTo("ISSUED");
    }

    @Test
    void nonAdminGets403Problem() {
        JsonNode issued = issue(newUser(), null);
        verify(tokenFor(newUser()), issued.get("signature").asText()).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tamperedSignatureDoesNotVerifyAndShowsNoRecord() {
        String signature = issue(newUser(), null).get("signature").asText();
        char c = signature.charAt(10);
        String tampered = signature.substring(0, 10) + (c == 'A' ? 'B' : 'A') + signature.substring(11);
        verify(adminToken(), tampered).expectStatus().isOk().expectBody()
                .jsonPath("$.wellFormed").isEqualTo(true)
                .jsonPath("$.macValid").isEqualTo(false)
                .jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.record").doesNotExist();
    }

    @Test
    void signatureUnderAnyConfiguredKeyVerifiesAndAnUnknownSecretIdDoesNot() {
        long now = Instant.now().getEpochSecond();
        UploadSignatureCodec codec = new UploadSignatureCodec();
        String underNext = codec.sign(params(NEXT_ID, now, now + 600), NEXT_KEY);
        verify(adminToken(), underNext).expectStatus().isOk().expectBody()
                .jsonPath("$.keyId").isEqualTo("next").jsonPath("$.macValid").isEqualTo(true).jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.record").doesNotExist();
        String unknown = codec.sign(params("AKIDnotConfigured", now, now + 600), "some-key");
        verify(adminToken(), unknown).expectStatus().isOk().expectBody()
                .jsonPath("$.keyId").doesNotExist().jsonPath("$.macValid").isEqualTo(false);
    }

    @Test
    void expiredAndMalformedSignaturesAreReportedAsSuch() throws Exception {
        long past = Instant.now().getEpochSecond() - 7200;
        String expired = new UploadSignatureCodec().sign(params(PRIMARY_ID, past, past + 60), PRIMARY_KEY);
        verify(adminToken(), expired).expectStatus().isOk().expectBody()
                .jsonPath("$.macValid").isEqualTo(true).jsonPath("$.expired").isEqualTo(true).jsonPath("$.valid").isEqualTo(false);
        // times past what any clock holds: reported as a contract violation, not a 500
        String absurd = handSigned("secretId=" + PRIMARY_ID + "&currentTimeStamp=99999999999999999&expireTime=99999999999999999&random=1");
        verify(adminToken(), absurd).expectStatus().isOk().expectBody()
                .jsonPath("$.macValid").isEqualTo(true).jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.contractViolation").isNotEmpty().jsonPath("$.issuedAt").doesNotExist();
        // the same with a validity inside the 90 days used to be called valid, never expiring
        String farFuture = handSigned("secretId=" + PRIMARY_ID
                + "&currentTimeStamp=100000000000000000&expireTime=100000000000000600&random=1");
        verify(adminToken(), farFuture).expectStatus().isOk().expectBody()
                .jsonPath("$.macValid").isEqualTo(true).jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.contractViolation").value(v -> assertThat((String) v).contains("currentTimeStamp"));
        verify(adminToken(), "not a signature!").expectStatus().isOk().expectBody()
                .jsonPath("$.wellFormed").isEqualTo(false).jsonPath("$.formatError").isNotEmpty();
        client.post().uri(PATH + "/verify").headers(h -> h.setBearerAuth(adminToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Signed the way VOD reads it, without the codec (which refuses to sign what the contract forbids). */
    private static String handSigned(String original) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(PRIMARY_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] text = original.getBytes(StandardCharsets.UTF_8);
        byte[] digest = mac.doFinal(text);
        byte[] both = new byte[digest.length + text.length];
        System.arraycopy(digest, 0, both, 0, digest.length);
        System.arraycopy(text, 0, both, digest.length, text.length);
        return Base64.getEncoder().encodeToString(both);
    }

    private static UploadSignatureParams params(String secretId, long ts, long exp) {
        return new UploadSignatureParams(secretId, ts, exp, 12345, null, null, null, null, null, null, null, null, null);
    }
}
