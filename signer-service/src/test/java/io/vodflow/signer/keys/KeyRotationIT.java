package io.vodflow.signer.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.signer.support.IndependentSignatureDecoder;
import io.vodflow.signer.support.TightSignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The signer here runs with {@code active-key=next}: the same request as before now yields a next-key signature. */
class KeyRotationIT extends TightSignerITSupport {

    @Test
    void switchedActiveKeySignsWithTheNewPairAndTheClientRequestIsUnchanged() {
        JsonNode issued = issue(newUser(), null);
        var decoded = IndependentSignatureDecoder.decode(issued.get("signature").asText(), NEXT_KEY);
        assertThat(decoded.macValid()).isTrue();
        assertThat(decoded.params()).containsEntry("secretId", NEXT_ID);
        assertThat(IndependentSignatureDecoder.decode(issued.get("signature").asText(), PRIMARY_KEY).macValid()).isFalse();
        assertThat(row(UUID.fromString(issued.get("id").asText()))).containsEntry("secret_id", NEXT_ID);
    }

    @Test
    void signaturesOfThePreviouslyActivePairStillVerify() {
        long now = Instant.now().getEpochSecond();
        String old = new UploadSignatureCodec().sign(new UploadSignatureParams(PRIMARY_ID, now, now + 600, 7, null, null, null,
                null, null, null, null, null, null), PRIMARY_KEY);
        client.post().uri(PATH + "/verify").headers(h -> h.setBearerAuth(adminToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("signature", old)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.keyId").isEqualTo("primary").jsonPath("$.macValid").isEqualTo(true).jsonPath("$.valid").isEqualTo(true);
    }
}
