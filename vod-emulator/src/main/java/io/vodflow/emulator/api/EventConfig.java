package io.vodflow.emulator.api;

import java.util.Objects;

/**
 * One sub-application's event configuration as the emulated VOD holds it (contract-2 §2). {@link #toString()}
 * masks the SignKey, which DescribeEventConfig never returns either.
 *
 * @param mode                     {@code PUSH} or {@code PULL}
 * @param notificationUrl          the v3 callback URL; "" = none
 * @param uploadMediaCompleteEvent NewFileUpload switch, {@code ON}/{@code OFF}
 * @param deleteMediaCompleteEvent FileDeleted switch
 * @param persistenceCompleteEvent clip-persistence switch
 * @param signKey                  callback SignKey; null = callbacks unsigned
 */
public record EventConfig(String mode, String notificationUrl, String uploadMediaCompleteEvent,
                          String deleteMediaCompleteEvent, String persistenceCompleteEvent, String signKey) {

    public EventConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(notificationUrl, "notificationUrl");
    }

    /**
     * A sub-app that was never configured: every switch OFF (documented default), no URL, no SignKey, mode
     * {@code PUSH} (the console API's stated default; ModifyEventConfig states none).
     */
    public static EventConfig defaults() {
        return new EventConfig("PUSH", "", "OFF", "OFF", "OFF", null);
    }

    /** Whether NewFileUpload events are sent. */
    public boolean newFileUploadOn() {
        return "ON".equals(uploadMediaCompleteEvent);
    }

    /** Whether a SignKey is set. */
    public boolean signKeySet() {
        return signKey != null && !signKey.isEmpty();
    }

    @Override
    public String toString() {
        return "EventConfig[mode=" + mode + ", notificationUrl=" + notificationUrl + ", upload="
                + uploadMediaCompleteEvent + ", delete=" + deleteMediaCompleteEvent + ", persistence="
                + persistenceCompleteEvent + ", signKey=" + (signKeySet() ? "******" : "none") + "]";
    }
}
