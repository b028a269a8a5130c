package io.vodflow.cli.vod;

import io.vodflow.cli.CliFailure;
import io.vodflow.cli.Setting;
import io.vodflow.cli.VodCli;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The VOD API options every command shares. The SecretKey comes only from VODFLOW_VOD_SECRET_KEY, so it never
 * lands in shell history or the process list.
 */
public final class VodOptions {

    @Option(names = "--endpoint", paramLabel = "HOST[:PORT]|URL",
            description = "VOD API endpoint (env VODFLOW_VOD_ENDPOINT; default vod.tencentcloudapi.com, intl: "
                    + "vod.intl.tencentcloudapi.com). A http:// URL selects plain HTTP (the emulator).")
    String endpoint;

    @Option(names = "--region", description = "API region (env VODFLOW_VOD_REGION; default empty, which VOD accepts).")
    String region;

    @Option(names = "--secret-id", description = "API SecretId (env VODFLOW_VOD_SECRET_ID). The SecretKey is read from "
            + "VODFLOW_VOD_SECRET_KEY only.")
    String secretId;

    @Option(names = "--sub-app-id", paramLabel = "ID",
            description = "VOD sub-application (env VODFLOW_VOD_SUB_APP_ID; 0 = primary app, required for accounts "
                    + "opened on or after 2023-12-25).")
    Long subAppId;

    @Option(names = "--vod-timeout", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "Timeout of one VOD API call (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The connection; fails with a clear message when the key pair is not configured. */
    public VodConnection connection(VodCli root) {
        String raw = Setting.pick(endpoint, root, "VODFLOW_VOD_ENDPOINT", "vod.tencentcloudapi.com");
        String protocol = Setting.pick(null, root, "VODFLOW_VOD_PROTOCOL", "https");
        String host = raw;
        if (raw.startsWith("http://") || raw.startsWith("https://")) {
            protocol = raw.substring(0, raw.indexOf(':'));
            host = raw.substring(raw.indexOf("//") + 2);
        }
        host = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        String id = Setting.pick(secretId, root, "VODFLOW_VOD_SECRET_ID", null);
        String key = root.env("VODFLOW_VOD_SECRET_KEY");
        if (id == null || key == null) {
            throw new CliFailure("VOD API key pair missing: set VODFLOW_VOD_SECRET_ID and VODFLOW_VOD_SECRET_KEY "
                    + "(the pair the signer uses; CAM policy needs vod:*EventConfig and vod:DescribeMediaInfos)");
        }
        return new VodConnection(host, protocol, Setting.pick(region, root, "VODFLOW_VOD_REGION", ""), id, key, timeout);
    }

    /** The sub-application, 0 = primary. */
    public long subAppId(VodCli root) {
        if (subAppId != null) {
            return subAppId;
        }
        String fromEnv = root.env("VODFLOW_VOD_SUB_APP_ID");
        try {
            return fromEnv == null ? 0 : Long.parseLong(fromEnv);
        } catch (NumberFormatException e) {
            throw new CliFailure("VODFLOW_VOD_SUB_APP_ID must be a number");
        }
    }
}
