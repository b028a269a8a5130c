package io.vodflow.signer.keys;

import io.vodflow.signer.config.SignerPropertiesBindingTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ring follows run-time switches: newest wins, unknown pairs are not followed, null hands back. */
class SigningKeyRingTest {
    private final SigningKeyRing ring = new SigningKeyRing(SignerPropertiesBindingTest.bind(Map.of(
            "VODFLOW_VOD_SECRET_ID", "AKIDprimary", "VODFLOW_VOD_SECRET_KEY", "k1",
            "VODFLOW_SIGNER_KEYS_NEXT_SECRETID", "AKIDnext", "VODFLOW_SIGNER_KEYS_NEXT_SECRETKEY", "k2")));

    @Test
    void followsTheLatestSwitchAndHandsBackToTheConfiguredPair() {
        assertThat(ring.active().keyId()).isEqualTo("primary");
        ring.follow(new KeySwitch(1, "next", "ops", Instant.now()));
        assertThat(ring.active().secretId()).isEqualTo("AKIDnext");
        assertThat(ring.configured().keyId()).isEqualTo("primary");
        ring.follow(new KeySwitch(2, null, "ops", Instant.now()));
        assertThat(ring.active().keyId()).isEqualTo("primary");
    }

    @Test
    void anOlderSwitchReadLateDoesNotUndoANewerOne() {
        ring.follow(new KeySwitch(5, "next", "ops", Instant.now()));
        ring.follow(new KeySwitch(4, null, "ops", Instant.now()));
        assertThat(ring.active().keyId()).isEqualTo("next");
    }

    @Test
    void aSwitchToAPairNotHeldHereKeepsTheActiveOne() {
        ring.follow(new KeySwitch(1, "next", "ops", Instant.now()));
        ring.follow(new KeySwitch(2, "retired", "ops", Instant.now()));
        assertThat(ring.active().keyId()).isEqualTo("next");
        ring.follow(new KeySwitch(3, null, "ops", Instant.now()));
        assertThat(ring.active().keyId()).isEqualTo("primary");
    }
}
