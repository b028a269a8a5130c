package io.vodflow.cli.eventconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.cli.vod.VodApiClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The event configuration vodflow needs: the mode, the ingress's public callback URL (PUSH), NewFileUpload and
 * FileDeleted ON, and the ingress's SignKey. {@link #toString()} never shows the key.
 *
 * @param callbackUrl the ingress's public URL; null = leave VOD's URL as it is (PULL) or unchecked
 * @param signKey     the SignKey to set; null = leave VOD's key as it is
 */
public record DesiredEventConfig(DeliveryMode mode, String callbackUrl, String signKey) {

    /** The ModifyEventConfig parameters, every field vodflow cares about set explicitly. */
    public ObjectNode modifyParams(long subAppId) {
        ObjectNode params = VodApiClient.params(subAppId)
                .put("Mode", mode.name())
                .put("UploadMediaCompleteEventSwitch", "ON")
                .put("DeleteMediaCompleteEventSwitch", "ON");
        if (callbackUrl != null) {
            params.put("NotificationUrl", callbackUrl);
        }
        if (signKey != null) {
            params.put("SignKey", signKey);
        }
        return params;
    }

    /** What VOD would show once this is applied to {@code before}. */
    public EventConfigView appliedTo(EventConfigView before) {
        return new EventConfigView(mode.name(), callbackUrl != null ? callbackUrl : before.notificationUrl(), "ON", "ON",
                before.persistenceSwitch());
    }

    /** Every way {@code actual} differs from this, each named so an operator knows what to fix. */
    public List<String> mismatches(EventConfigView actual) {
        List<String> problems = new ArrayList<>();
        if (!mode.name().equals(actual.mode())) {
            problems.add("Mode is " + blankAsNone(actual.mode()) + ", vodflow expects " + mode);
        }
        if (!"ON".equals(actual.uploadSwitch())) {
            problems.add("NewFileUpload switch (UploadMediaCompleteEventSwitch) is " + actual.uploadSwitch()
                    + ": VOD sends no NewFileUpload events");
        }
        if (!"ON".equals(actual.deleteSwitch())) {
            problems.add("FileDeleted switch (DeleteMediaCompleteEventSwitch) is " + actual.deleteSwitch());
        }
        if (mode == DeliveryMode.PUSH && callbackUrl != null && !callbackUrl.equals(actual.notificationUrl())) {
            problems.add("NotificationUrl is " + blankAsNone(actual.notificationUrl()) + ", expected " + callbackUrl);
        }
        if (mode == DeliveryMode.PUSH && actual.notificationUrl().isEmpty() && callbackUrl == null) {
            problems.add("NotificationUrl is empty: VOD has nowhere to push events");
        }
        return problems;
    }

    private static String blankAsNone(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }

    @Override
    public String toString() {
        return "DesiredEventConfig[mode=" + mode + ", callbackUrl=" + callbackUrl + ", signKey="
                + (signKey == null ? "unchanged" : "****") + "]";
    }
}
