package io.vodflow.signer.policy;

import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class SigningPolicyIT extends SignerITSupport {

    @Test
    void requestOutsidePolicyIs422ProblemNamingTheRuleAndWritesNoRow() {
        String user = newUser();
        post(user, "{\"procedure\":\"NotAllowed\"}").expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("procedure.allowed")
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("LongVideoPreset"));
        post(user, "{\"ttlSeconds\":7201}").expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("ttl.max");
        post(user, "{\"storageRegion\":\"eu-frankfurt\"}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("storageRegion.allowed");
        post(user, "{\"vodSubAppId\":1}").expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("vodSubAppId.allowed");
        post(user, "{\"classId\":3}").expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("classId.allowed");
        post(user, "{\"context\":\"" + "x".repeat(1025) + "\"}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("context.size");
        // the note is shown back to its owner as it was sent: a lone surrogate would come back as '?'
        post(user, "{\"context\":\"note \\udc00\"}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("context.unicode");
        post(user, "{\"procedure\":\"LongVideoPreset\",\"taskPriority\":11}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("taskPriority.range");
        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ?", user)).isEmpty();
    }

    @Test
    void contractRulesThePolicyDoesNotCoverAreRefusedToo() {
        // the length is checked before the allow-list, so the detail never echoes a 200 KB value
        post(newUser(), "{\"storageRegion\":\"" + "r".repeat(65) + "\"}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("storageRegion.length");
        // a lone surrogate cannot be UTF-8 encoded into the signature
        post(newUser(), "{\"sessionContext\":\"bad \\ud800 text\"}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("contract.sessionContext");
    }
}
