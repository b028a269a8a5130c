package io.vodflow.emulator;

import io.vodflow.emulator.callback.Rendition;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link VodEmulator}. {@link #toString()} masks the secrets.
 *
 * @param accounts         the API keys VOD knows: SecretId to SecretKey
 * @param clock            the emulator's clock (signature expiry, CreateTime, callback T)
 * @param appId            the account's AppId, which prefixes URLs and TaskIds
 * @param storageRegion    the default storage region
 * @param allowedClockSkew how far in the future a signature's currentTimeStamp may lie (UNCONFIRMED in VOD;
 *                         default 5 min)
 * @param callbackSignKey  the callback SignKey; null = callbacks carry no Sign/T
 * @param renditions       the transcoding outputs of every procedure
 */
public record EmulatorSettings(Map<String, String> accounts, Clock clock, long appId, String storageRegion,
                               Duration allowedClockSkew, String callbackSignKey, List<Rendition> renditions) {

    /** The AppId of the contract's examples. */
    public static final long DEFAULT_APP_ID = 1_500_000_001L;

    public EmulatorSettings {
        accounts = Map.copyOf(accounts);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(storageRegion, "storageRegion");
        Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        renditions = List.copyOf(renditions);
    }

    /** One account, system clock, AppId 1500000001 in ap-chongqing, no SignKey, default renditions. */
    public static EmulatorSettings of(String secretId, String secretKey) {
        return new EmulatorSettings(Map.of(secretId, secretKey), Clock.systemUTC(), DEFAULT_APP_ID, "ap-chongqing",
                Duration.ofMinutes(5), null, Rendition.DEFAULTS);
    }

    public EmulatorSettings withAccount(String secretId, String secretKey) {
        Map<String, String> more = new LinkedHashMap<>(accounts);
        more.put(secretId, secretKey);
        return new EmulatorSettings(more, clock, appId, storageRegion, allowedClockSkew, callbackSignKey, renditions);
    }

    public EmulatorSettings withClock(Clock clock) {
        return new EmulatorSettings(accounts, clock, appId, storageRegion, allowedClockSkew, callbackSignKey, renditions);
    }

    public EmulatorSettings withCallbackSignKey(String signKey) {
        return new EmulatorSettings(accounts, clock, appId, storageRegion, allowedClockSkew, signKey, renditions);
    }

    public EmulatorSettings withRenditions(List<Rendition> renditions) {
        return new EmulatorSettings(accounts, clock, appId, storageRegion, allowedClockSkew, callbackSignKey, renditions);
    }

    public EmulatorSettings withAllowedClockSkew(Duration skew) {
        return new EmulatorSettings(accounts, clock, appId, storageRegion, skew, callbackSignKey, renditions);
    }

    @Override
    public String toString() {
        return "EmulatorSettings[secretIds=" + accounts.keySet() + ", appId=" + appId + ", storageRegion="
                + storageRegion + ", allowedClockSkew=" + allowedClockSkew + ", callbackSignKey="
                + (callbackSignKey == null ? "none" : "******") + ", renditions=" + renditions + "]";
    }
}
