package io.vodflow.ingress.auth;

import io.vodflow.contract.callback.CallbackSignatureVerifier;
import io.vodflow.ingress.auth.CallbackSignaturePolicy.SignedWith;
import io.vodflow.ingress.http.CallbackRejection;
import io.vodflow.kit.secret.Secret;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which SignKeys prove a callback authentic, with and without a key being rotated out. */
class CallbackSignaturePolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    private static final long T = CLOCK.instant().getEpochSecond() + 300;

    private static SignatureFields signedWith(String key, long t) {
        return new SignatureFields(CallbackSignatureVerifier.sign(key, t), Long.toString(t));
    }

    @Test
    void withOneKeyOnlyThatKeyIsAccepted() {
        CallbackSignaturePolicy policy = new CallbackSignaturePolicy(Secret.of("NewKey1"), null, CLOCK);
        assertThat(policy.check(signedWith("NewKey1", T))).isEqualTo(SignedWith.CURRENT_KEY);
        assertThatThrownBy(() -> policy.check(signedWith("OldKey0", T))).isInstanceOf(CallbackRejection.class)
                .hasMessageNotContaining("NewKey1");
    }

    @Test
    void duringARotationBothKeysAreAcceptedAndTheOldOneIsNamed() {
        CallbackSignaturePolicy policy = new CallbackSignaturePolicy(Secret.of("NewKey1"), Secret.of("OldKey0"), CLOCK);
        assertThat(policy.check(signedWith("NewKey1", T))).isEqualTo(SignedWith.CURRENT_KEY);
        assertThat(policy.check(signedWith("OldKey0", T))).isEqualTo(SignedWith.PREVIOUS_KEY);
        assertThatThrownBy(() -> policy.check(signedWith("Stranger", T))).isInstanceOf(CallbackRejection.class);
        assertThatThrownBy(() -> policy.check(signedWith("OldKey0", CLOCK.instant().getEpochSecond() - 1)))
                .isInstanceOf(CallbackRejection.class).hasMessageContaining("expired");
    }

    @Test
    void withoutASignKeyNothingIsCheckedEvenWithAPreviousKey() {
        CallbackSignaturePolicy policy = new CallbackSignaturePolicy(Secret.of(""), Secret.of("OldKey0"), CLOCK);
        assertThat(policy.enabled()).isFalse();
        assertThat(policy.check(new SignatureFields(null, null))).isEqualTo(SignedWith.UNCHECKED);
    }
}
