package io.vodflow.cli.eventconfig;

import io.vodflow.cli.support.CliRun;
import io.vodflow.cli.support.EmulatedVod;
import io.vodflow.emulator.api.EventConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.vodflow.cli.support.EmulatedVod.SIGN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** configure-vod against the emulator's ModifyEventConfig / DescribeEventConfig. */
class ConfigureVodCommandTest {

    private static final String URL = "https://vod-callbacks.example.com/v1/vod/callbacks";

    private final EmulatedVod vod = new EmulatedVod();

    @AfterEach
    void stop() {
        vod.close();
    }

    @Test
    void pushConfigurationIsAppliedAndShownBeforeAndAfterWithoutTheKey() {
        CliRun run = CliRun.of(vod.env(), "configure-vod", "--sub-app-id", "7", "--callback-url", URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(vod.eventConfigs().current(7)).isEqualTo(new EventConfig("PUSH", URL, "ON", "ON", "OFF", SIGN_KEY));
        assertThat(run.out()).contains("sub-app 7")
                .containsPattern("\\* NewFileUpload \\(UploadMediaCompleteEventSwitch\\)\\s+OFF\\s+ON")
                .containsPattern("\\* FileDeleted \\(DeleteMediaCompleteEventSwitch\\)\\s+OFF\\s+ON")
                .containsPattern("\\* NotificationUrl\\s+\\(none\\)\\s+" + URL)
                .containsPattern("SignKey\\s+not readable\\s+set \\(by this run\\)")
                .contains("matches vodflow");
        assertThat(run.out() + run.err()).doesNotContain(SIGN_KEY);
    }

    @Test
    void secondRunChangesNothingAndStillPasses() {
        CliRun.of(vod.env(), "configure-vod", "--callback-url", URL);

        CliRun again = CliRun.of(vod.env(), "configure-vod", "--callback-url", URL);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).containsPattern("  NewFileUpload \\(UploadMediaCompleteEventSwitch\\)\\s+ON\\s+ON");
    }

    @Test
    void pullModeNeedsNoUrlAndKeepsTheExistingOne() {
        vod.eventConfigs().set(0, new EventConfig("PUSH", URL, "OFF", "OFF", "OFF", null));

        CliRun run = CliRun.of(vod.env(), "configure-vod", "--mode", "pull");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(vod.eventConfigs().current(0)).isEqualTo(new EventConfig("PULL", URL, "ON", "ON", "OFF", SIGN_KEY));
        assertThat(run.out()).contains("VODFLOW_PULL_ENABLED=true");
    }

    @Test
    void refusesWhenTheRequestedKeyDiffersFromTheIngressKey() {
        CliRun fromEnv = CliRun.of(vod.env(), "configure-vod", "--callback-url", URL, "--sign-key", "OtherKey123");
        CliRun explicit = CliRun.of(vod.env(), "configure-vod", "--callback-url", URL,
                "--ingress-sign-key", "IngressKey9");

        assertThat(fromEnv.exitCode()).isEqualTo(1);
        assertThat(fromEnv.err()).contains("refusing").contains("differs from the ingress's key (VODFLOW_CALLBACK_SIGN_KEY)");
        assertThat(explicit.exitCode()).isEqualTo(1);
        assertThat(explicit.err()).contains("(--ingress-sign-key)");
        assertThat(fromEnv.err() + explicit.err()).doesNotContain("OtherKey123").doesNotContain(SIGN_KEY);
        assertThat(vod.eventConfigs().current(0)).isEqualTo(EventConfig.defaults());
    }

    @Test
    void matchingIngressKeyIsAccepted() {
        CliRun run = CliRun.of(vod.env(), "configure-vod", "--callback-url", URL, "--ingress-sign-key", SIGN_KEY);

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void refusesWithoutAKeyUnlessUnsignedAndRejectsKeysVodWouldRefuse() {
        Map<String, String> noKey = vod.env();
        noKey.remove("VODFLOW_CALLBACK_SIGN_KEY");

        CliRun missing = CliRun.of(noKey, "configure-vod", "--callback-url", URL);
        CliRun unsigned = CliRun.of(noKey, "configure-vod", "--callback-url", URL, "--unsigned");
        CliRun bad = CliRun.of(noKey, "configure-vod", "--callback-url", URL, "--sign-key", "has-dash");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no SignKey").contains("--unsigned");
        assertThat(unsigned.exitCode()).as(unsigned.toString()).isZero();
        assertThat(vod.eventConfigs().current(0).signKeySet()).isFalse();
        assertThat(bad.err()).contains("1-32 letters or digits").doesNotContain("has-dash");
    }

    @Test
    void pushWithoutUrlAndDryRunChangeNothing() {
        CliRun noUrl = CliRun.of(vod.env(), "configure-vod");
        CliRun dry = CliRun.of(vod.env(), "configure-vod", "--callback-url", URL, "--dry-run");

        assertThat(noUrl.exitCode()).isEqualTo(1);
        assertThat(noUrl.err()).contains("PUSH needs --callback-url");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).containsPattern("\\* NewFileUpload \\(UploadMediaCompleteEventSwitch\\)\\s+OFF\\s+ON")
                .contains("Dry run");
        assertThat(vod.eventConfigs().current(0)).isEqualTo(EventConfig.defaults());
    }

    @Test
    void wrongSecretKeyIsReportedWithAHint() {
        Map<String, String> env = vod.env();
        env.put("VODFLOW_VOD_SECRET_KEY", "not-the-key");

        CliRun run = CliRun.of(env, "configure-vod", "--callback-url", URL);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("AuthFailure.SignatureFailure").contains("run doctor").doesNotContain("not-the-key");
    }
}
