package io.vodflow.signer.config;

import io.vodflow.kit.secret.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignerPropertiesTest {

    @Test
    void toStringNeverShowsASecretKey() {
        SignerProperties props = new SignerProperties(Map.of("primary", new VodKeyPair("AKIDvisible", Secret.of("hidden-vod-key"))),
                "primary", Duration.ofSeconds(5), new SigningPolicyProperties(Set.of(), null, Set.of(), Set.of(), Set.of(), null, Duration.ofHours(1),
                Duration.ofDays(90), false, false), null, null, null, 5);
        assertThat(props.toString()).contains("AKIDvisible").doesNotContain("hidden-vod-key");
        assertThat(props.isActiveKeyConfigured()).isTrue();
        assertThat(props.isKeyRefreshPositive()).isTrue();
        assertThat(props.policy().isTtlConsistent()).isTrue();
    }

    @Test
    void ttlOverNinetyDaysAnUnknownActiveKeyOrANoKeyRefreshIsInvalid() {
        SigningPolicyProperties tooLong = new SigningPolicyProperties(Set.of(), null, Set.of(), Set.of(), Set.of(), null,
                Duration.ofHours(1), Duration.ofDays(91), false, false);
        assertThat(tooLong.isTtlConsistent()).isFalse();
        SignerProperties props = new SignerProperties(Map.of("primary", new VodKeyPair("A", Secret.of("k"))), "next",
                Duration.ZERO, null, null, null, null, 5);
        assertThat(props.isActiveKeyConfigured()).isFalse();
        assertThat(props.isKeyRefreshPositive()).isFalse();
    }
}
