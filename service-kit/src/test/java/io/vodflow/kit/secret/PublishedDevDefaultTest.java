package io.vodflow.kit.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class PublishedDevDefaultTest {
    private static final String DEV = "dev-value-published-in-the-readme-0123";
    private final PublishedDevDefault secret = new PublishedDevDefault("VODFLOW_JWT_SECRET", "vodflow.jwt.secret", "vodflow.dev.jwt-secret");

    @Test
    void theDevDefaultInUseIsNamedButNotShown(CapturedOutput output) {
        MockEnvironment env = new MockEnvironment().withProperty("vodflow.dev.jwt-secret", DEV)
                .withProperty("vodflow.jwt.secret", DEV);

        assertThat(secret.warnIfInUse(env)).isTrue();
        assertThat(output.getAll()).contains("VODFLOW_JWT_SECRET is not set").doesNotContain(DEV);
    }

    @Test
    void aSecretOfOnesOwnIsQuiet(CapturedOutput output) {
        MockEnvironment env = new MockEnvironment().withProperty("vodflow.dev.jwt-secret", DEV)
                .withProperty("vodflow.jwt.secret", "an-operators-own-secret-of-32-bytes!!");

        assertThat(secret.warnIfInUse(env)).isFalse();
        assertThat(output.getAll()).doesNotContain("VODFLOW_JWT_SECRET");
    }

    @Test
    void withoutAPublishedDefaultNothingIsCompared() {
        MockEnvironment env = new MockEnvironment().withProperty("vodflow.jwt.secret", "");

        assertThat(secret.warnIfInUse(env)).isFalse();
    }
}
