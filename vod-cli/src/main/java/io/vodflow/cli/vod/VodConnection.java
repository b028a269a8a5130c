package io.vodflow.cli.vod;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom the CLI calls the VOD API. {@link #toString()} never shows the SecretKey.
 *
 * @param endpoint  host[:port] of the API, e.g. {@code vod.tencentcloudapi.com}
 * @param protocol  {@code https} (production) or {@code http} (the emulator)
 * @param region    API region; VOD accepts an empty one
 * @param secretId  API SecretId
 * @param secretKey API SecretKey; never printed
 * @param timeout   connect and read timeout of one call
 */
public record VodConnection(String endpoint, String protocol, String region, String secretId, String secretKey,
                            Duration timeout) {

    public VodConnection {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeout, "timeout");
        region = region == null ? "" : region;
    }

    /** {@code protocol://endpoint}, the base of raw HTTP probes. */
    public String baseUrl() {
        return protocol + "://" + endpoint;
    }

    @Override
    public String toString() {
        return "VodConnection[" + baseUrl() + ", region=" + region + ", secretId=" + secretId + ", secretKey=****]";
    }
}
