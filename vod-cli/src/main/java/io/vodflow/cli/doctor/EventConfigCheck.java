package io.vodflow.cli.doctor;

import io.vodflow.cli.eventconfig.DesiredEventConfig;
import io.vodflow.cli.eventconfig.EventConfigView;
import io.vodflow.cli.vod.VodApiClient;
import io.vodflow.cli.vod.VodApiException;

import java.util.List;

/** VOD's event configuration (DescribeEventConfig) matches vodflow's: mode, callback URL, NewFileUpload/FileDeleted ON. */
final class EventConfigCheck implements Check {

    private final VodApiClient api;
    private final long subAppId;
    private final DesiredEventConfig desired;

    EventConfigCheck(VodApiClient api, long subAppId, DesiredEventConfig desired) {
        this.api = api;
        this.subAppId = subAppId;
        this.desired = desired;
    }

    @Override
    public String name() {
        return "vod-event-config";
    }

    @Override
    public CheckResult run() {
        EventConfigView actual;
        try {
            actual = EventConfigView.from(api.call("DescribeEventConfig", VodApiClient.params(subAppId)));
        } catch (VodApiException e) {
            return CheckResult.fail("DescribeEventConfig failed: " + e, "see vod-key-pair and clock-skew");
        }
        List<String> problems = desired.mismatches(actual);
        String fix = "vodflow-cli configure-vod --sub-app-id " + subAppId + " --mode " + desired.mode()
                + (desired.callbackUrl() != null ? " --callback-url " + desired.callbackUrl() : "");
        if (!problems.isEmpty()) {
            return CheckResult.fail(String.join("; ", problems), fix);
        }
        return CheckResult.pass("sub-app " + subAppId + ": " + actual.mode()
                + (actual.notificationUrl().isEmpty() ? "" : " to " + actual.notificationUrl())
                + ", NewFileUpload ON, FileDeleted ON"
                + (desired.callbackUrl() == null && desired.mode().name().equals("PUSH") ? " (URL not compared: pass --callback-url)" : ""));
    }
}
