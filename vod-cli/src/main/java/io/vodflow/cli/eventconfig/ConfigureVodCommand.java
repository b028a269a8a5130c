package io.vodflow.cli.eventconfig;

import io.vodflow.cli.CliFailure;
import io.vodflow.cli.ExitCodes;
import io.vodflow.cli.VodCli;
import io.vodflow.cli.vod.VodApiClient;
import io.vodflow.cli.vod.VodApiException;
import io.vodflow.cli.vod.VodOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code configure-vod}: sets a sub-app's event configuration to what vodflow needs (ModifyEventConfig), reads it
 * back (DescribeEventConfig) and prints before/after. Refuses when the SignKey to set differs from the ingress's.
 */
@Command(name = "configure-vod", mixinStandardHelpOptions = true,
        description = {"Sets VOD's event notifications up for vodflow and shows before/after.",
                "Mode PUSH (with --callback-url) or PULL, NewFileUpload and FileDeleted ON, the ingress's SignKey;",
                "then reads the configuration back with DescribeEventConfig. The SignKey is shown only as set/unset."})
public final class ConfigureVodCommand implements Callable<Integer> {

    @ParentCommand
    VodCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    VodOptions vod;

    @Option(names = "--mode", defaultValue = "PUSH", description = "PUSH (VOD posts to --callback-url) or PULL "
            + "(the ingress pulls; VODFLOW_PULL_ENABLED=true). Default ${DEFAULT-VALUE}.")
    DeliveryMode mode;

    @Option(names = "--callback-url", paramLabel = "URL", description = "The ingress's public callback URL, "
            + "e.g. https://vod-callbacks.example.com/v1/vod/callbacks. Required for PUSH.")
    String callbackUrl;

    @Option(names = "--sign-key", paramLabel = "KEY", description = "SignKey to set on VOD (default: "
            + "VODFLOW_CALLBACK_SIGN_KEY, the ingress's key). Prefer the environment variable.")
    String signKey;

    @Option(names = "--ingress-sign-key", paramLabel = "KEY", description = "The key the ingress runs with, when it "
            + "is not VODFLOW_CALLBACK_SIGN_KEY; the command refuses if it differs from --sign-key.")
    String ingressSignKey;

    @Option(names = "--unsigned", description = "Configure without a SignKey (callbacks not authenticated; not for production).")
    boolean unsigned;

    @Option(names = "--dry-run", description = "Show the change without calling ModifyEventConfig.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long subAppId = vod.subAppId(root);
        String key = chooseSignKey(err);
        DesiredEventConfig desired = new DesiredEventConfig(mode, checkedUrl(), key);
        VodApiClient api = new VodApiClient(vod.connection(root));

        EventConfigView before = describe(api, subAppId);
        if (!dryRun) {
            try {
                api.call("ModifyEventConfig", desired.modifyParams(subAppId));
            } catch (VodApiException e) {
                throw new CliFailure("ModifyEventConfig failed: " + e + hint(e));
            }
        }
        EventConfigView after = dryRun ? desired.appliedTo(before) : describe(api, subAppId);
        String keyAfter = key == null ? "unchanged (not readable)" : dryRun ? "would be set" : "set (by this run)";
        EventConfigTable.print(out, subAppId, before, after, "not readable", keyAfter);
        if (dryRun) {
            out.println("Dry run: nothing changed.");
            return ExitCodes.OK;
        }
        List<String> problems = desired.mismatches(after);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("VOD did not take the configuration: " + p));
            return ExitCodes.FAILED;
        }
        out.println("VOD's event configuration matches vodflow" + (mode == DeliveryMode.PULL
                ? "; run the ingress with VODFLOW_PULL_ENABLED=true." : "."));
        return ExitCodes.OK;
    }

    private String chooseSignKey(PrintWriter err) {
        String fromEnv = root.env("VODFLOW_CALLBACK_SIGN_KEY");
        String key = signKey != null ? signKey : fromEnv;
        if (key == null) {
            if (!unsigned) {
                throw new CliFailure("no SignKey: set VODFLOW_CALLBACK_SIGN_KEY to the ingress's key (or --sign-key), "
                        + "or pass --unsigned to configure VOD without callback signing");
            }
            err.println("warning: configuring without a SignKey; VOD's existing key (if any) stays as it is");
            return null;
        }
        SignKeys.requireValid(key, signKey != null ? "--sign-key" : "VODFLOW_CALLBACK_SIGN_KEY");
        String ingressKey = ingressSignKey != null ? ingressSignKey : signKey != null ? fromEnv : null;
        if (ingressKey == null) {
            err.println("warning: cannot compare with the ingress's key; make sure the ingress runs with this "
                    + "VODFLOW_CALLBACK_SIGN_KEY (pass --ingress-sign-key to check)");
        } else if (!SignKeys.same(key, ingressKey)) {
            throw new CliFailure("refusing: the SignKey to set on VOD differs from the ingress's key ("
                    + (ingressSignKey != null ? "--ingress-sign-key" : "VODFLOW_CALLBACK_SIGN_KEY")
                    + "); VOD would sign callbacks the ingress rejects with 401. Set the ingress's key on VOD, "
                    + "or change the ingress's VODFLOW_CALLBACK_SIGN_KEY first and restart it");
        }
        return key;
    }

    private String checkedUrl() {
        if (callbackUrl == null) {
            if (mode == DeliveryMode.PUSH) {
                throw new CliFailure("PUSH needs --callback-url: the ingress's public URL, "
                        + "e.g. https://vod-callbacks.example.com/v1/vod/callbacks");
            }
            return null;
        }
        URI uri;
        try {
            uri = URI.create(callbackUrl);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--callback-url is not a URL");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new CliFailure("--callback-url must be an absolute http(s) URL reachable from VOD");
        }
        if (uri.getPath() == null || !uri.getPath().startsWith("/v1/vod/callbacks")) {
            spec.commandLine().getErr().println("warning: the ingress serves /v1/vod/callbacks[/{subAppId}][/{token}]; "
                    + callbackUrl + " has another path");
        }
        return callbackUrl;
    }

    private static EventConfigView describe(VodApiClient api, long subAppId) {
        try {
            return EventConfigView.from(api.call("DescribeEventConfig", VodApiClient.params(subAppId)));
        } catch (VodApiException e) {
            throw new CliFailure("DescribeEventConfig failed: " + e + hint(e));
        }
    }

    private static String hint(VodApiException e) {
        return e.isAuthFailure() ? " (check VODFLOW_VOD_SECRET_ID/VODFLOW_VOD_SECRET_KEY and the clock; run doctor)" : "";
    }
}
