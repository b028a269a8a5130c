package io.vodflow.ingress;

import io.vodflow.kit.testing.PropertiesBinding;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngressPropertiesTest {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static IngressProperties bind(Map<String, String> values) {
        return PropertiesBinding.bind("vodflow.ingress", IngressProperties.class, values);
    }

    @Test
    void defaultsMatchTheIssue() {
        IngressProperties p = bind(Map.of());
        assertThat(p.maxBodySize().toBytes()).isEqualTo(256 * 1024);
        assertThat(p.ackDeadline()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.signatureRequired()).isFalse();
        assertThat(p.pathTokenRequired()).isFalse();
        assertThat(p.pull().enabled()).isFalse();
        assertThat(p.relay().batchSize()).isPositive();
        assertThat(VALIDATOR.validate(p)).isEmpty();
    }

    @Test
    void anEmptySignKeyMeansNotChecked() {
        assertThat(bind(Map.of("vodflow.ingress.sign-key", "")).signatureRequired()).isFalse();
        assertThat(bind(Map.of("vodflow.ingress.sign-key", "k")).signatureRequired()).isTrue();
    }

    @Test
    void deadlinesThatCannotAnswerWithinVodsFiveSecondsAreRefused() {
        IngressProperties p = bind(Map.of("vodflow.ingress.ack-deadline", "3s", "vodflow.ingress.fallback-deadline", "2s"));
        assertThat(VALIDATOR.validate(p)).extracting(v -> v.getMessage()).anyMatch(m -> m.contains("4.5 s"));
    }

    @Test
    void pullTimeoutsThatConfirmAfterVodsRedeliveryAreRefused() {
        assertThat(VALIDATOR.validate(bind(Map.of()))).isEmpty();
        IngressProperties p = bind(Map.of("vodflow.ingress.pull.publish-timeout", "20s"));
        assertThat(VALIDATOR.validate(p)).extracting(v -> v.getMessage()).anyMatch(m -> m.contains("30 s"));
    }

    @Test
    void aBodyLimitKafkaWouldRefuseIsRefused() {
        assertThat(VALIDATOR.validate(bind(Map.of("vodflow.ingress.max-body-size", "1000KB")))).isEmpty();
        for (String size : new String[] {"1MB", "1001KB", "0B"}) {
            assertThat(VALIDATOR.validate(bind(Map.of("vodflow.ingress.max-body-size", size))))
                    .as(size).extracting(v -> v.getMessage()).anyMatch(m -> m.contains("1000KB"));
        }
    }

    @Test
    void aPreviousSignKeyWithoutANewOneIsRefused() {
        assertThat(VALIDATOR.validate(bind(Map.of("vodflow.ingress.previous-sign-key", "OldKey"))))
                .extracting(v -> v.getMessage()).anyMatch(m -> m.contains("VODFLOW_CALLBACK_SIGN_KEY"));
        assertThat(VALIDATOR.validate(bind(Map.of("vodflow.ingress.previous-sign-key", "OldKey", "vodflow.ingress.sign-key", "NewKey"))))
                .isEmpty();
    }

    @Test
    void theSignKeysNeverPrint() {
        assertThat(bind(Map.of("vodflow.ingress.sign-key", "VerySecretKey", "vodflow.ingress.previous-sign-key", "OldSecretKey"))
                .toString()).doesNotContain("VerySecretKey").doesNotContain("OldSecretKey");
    }
}
