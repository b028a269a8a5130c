package io.vodflow.signer.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint that tells an Idempotency-Key's retry from its reuse for another request. */
class SignatureRequestTest {

    private static SignatureRequest request(String procedure, String sessionContext, Boolean oneTime, String context) {
        return new SignatureRequest(procedure, null, oneTime, null, sessionContext, null, null, null, null, context);
    }

    @Test
    void equalRequestsShareAFingerprintAndAnyFieldChangesIt() {
        assertThat(request("P", "s", true, null).fingerprint()).isEqualTo(request("P", "s", true, null).fingerprint())
                .hasSize(64);
        assertThat(request("P", "s", true, null).fingerprint()).isNotEqualTo(request("P", "s", false, null).fingerprint())
                .isNotEqualTo(request("P", "s", null, null).fingerprint())
                .isNotEqualTo(request("P", "s", true, "note").fingerprint());
    }

    @Test
    void textMovedBetweenFieldsOrAnAbsentFieldIsAnotherRequest() {
        assertThat(request("ab", null, null, null).fingerprint()).isNotEqualTo(request("a", "b", null, null).fingerprint());
        assertThat(request("-", null, null, null).fingerprint()).isNotEqualTo(request(null, null, null, null).fingerprint());
        assertThat(request("", null, null, null).fingerprint()).isNotEqualTo(request(null, null, null, null).fingerprint());
        assertThat(SignatureRequest.defaults().fingerprint()).isEqualTo(request(null, null, null, null).fingerprint());
    }
}
