package io.vodflow.signer.config;

import io.vodflow.kit.testing.PropertiesBinding;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The module's application.yml maps the operators' environment variables onto {@link SignerProperties}. */
public class SignerPropertiesBindingTest {

    /** The signer's settings bound from these environment variables and the module's application.yml. */
    public static SignerProperties bind(Map<String, Object> environment) {
        return PropertiesBinding.bindFromEnvironment("vodflow.signer", SignerProperties.class, environment);
    }

    @Test
    void vodKeyPairComesFromTheDocumentedVariables() {
        SignerProperties props = bind(Map.of("VODFLOW_VOD_SECRET_ID", "AKIDfromEnv", "VODFLOW_VOD_SECRET_KEY", "key-from-env"));
        assertThat(props.activeKey()).isEqualTo("primary");
        assertThat(props.keys()).containsOnlyKeys("primary");
        assertThat(props.keys().get("primary").secretId()).isEqualTo("AKIDfromEnv");
        assertThat(props.keys().get("primary").secretKey().reveal()).isEqualTo("key-from-env");
        assertThat(props.policy().defaultTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(props.limits().burst()).isEqualTo(30);
        assertThat(props.keyRefresh()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bind(Map.of("VODFLOW_SIGNER_KEYREFRESH", "750ms")).keyRefresh()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void aSecondPairAddedThroughTheEnvironmentJoinsThePrimaryAndCanBecomeActive() {
        SignerProperties props = bind(Map.of("VODFLOW_VOD_SECRET_ID", "AKIDold", "VODFLOW_VOD_SECRET_KEY", "old-key",
                "VODFLOW_SIGNER_KEYS_NEXT_SECRETID", "AKIDnew", "VODFLOW_SIGNER_KEYS_NEXT_SECRETKEY", "new-key",
                "VODFLOW_VOD_ACTIVE_KEY", "next"));
        assertThat(props.keys()).containsOnlyKeys("primary", "next");
        assertThat(props.keys().get("next").secretId()).isEqualTo("AKIDnew");
        assertThat(props.activeKey()).isEqualTo("next");
        assertThat(props.isActiveKeyConfigured()).isTrue();
    }

    @Test
    void rowsAreKeptForeverUnlessARetentionOfAtLeastAWeekIsSet() {
        SweeperProperties keep = bind(Map.of()).sweeper();
        assertThat(keep.retention()).isZero();
        assertThat(keep.retains()).isFalse();
        assertThat(keep.isRetentionZeroOrAWeek()).isTrue();
        SweeperProperties twoWeeks = bind(Map.of("VODFLOW_SIGNER_SWEEPER_RETENTION", "14d")).sweeper();
        assertThat(twoWeeks.retention()).isEqualTo(Duration.ofDays(14));
        assertThat(twoWeeks.retains()).isTrue();
        assertThat(twoWeeks.isRetentionZeroOrAWeek()).isTrue();
        assertThat(bind(Map.of("VODFLOW_SIGNER_SWEEPER_RETENTION", "3d")).sweeper().isRetentionZeroOrAWeek()).isFalse();
    }

    @Test
    void atLeastOneRandomAttemptIsRequired() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        assertThat(validator.validate(bind(Map.of()))).extracting(v -> v.getPropertyPath().toString())
                .doesNotContain("randomAttempts");
        assertThat(validator.validate(bind(Map.of("VODFLOW_SIGNER_RANDOMATTEMPTS", "0"))))
                .extracting(v -> v.getPropertyPath().toString()).contains("randomAttempts");
    }
}
