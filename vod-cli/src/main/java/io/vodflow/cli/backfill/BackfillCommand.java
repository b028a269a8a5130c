package io.vodflow.cli.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.cli.CliFailure;
import io.vodflow.cli.ExitCodes;
import io.vodflow.cli.Setting;
import io.vodflow.cli.VodCli;
import io.vodflow.cli.eventconfig.SignKeys;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code backfill}: repairs media whose callbacks were lost (or are older than DescribeTaskDetail's 3 days) by
 * reading DescribeMediaInfos and posting synthetic v3 callbacks through the ingress, the processor's normal path.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Repairs media whose callbacks were lost, through the ingress (idempotent).",
                "Reads DescribeMediaInfos (20 FileIds per call, paced under VOD's limit) and posts synthetic signed",
                "NewFileUpload + ProcedureStateChanged FINISH callbacks; a rerun posts the same bodies.",
                "Select media by FileId, by creation time (--from/--to, via SearchMedia), or both.",
                "With --processor-url the FINISH carries the TaskId the processor's media already follows, so a lost",
                "FINISH repairs that task; otherwise the TaskId is synthetic (vodflow-backfill-<FileId>)."})
public final class BackfillCommand implements Callable<Integer> {

    @ParentCommand
    VodCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    VodOptions vod;

    @Option(names = "--file-id", split = ",", paramLabel = "FILE_ID", description = "FileIds to backfill (repeatable, or comma-separated).")
    List<String> fileIds = new ArrayList<>();

    @Option(names = "--file-ids-from", paramLabel = "FILE", description = "A file with one FileId per line ('#' comments).")
    Path fileIdsFrom;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Media created at or after this time "
            + "(ISO-8601, e.g. 2026-11-01T00:00:00Z), found with SearchMedia.")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "With --from: media created before this time (default now).")
    Instant to;

    @Option(names = "--ingress-url", defaultValue = "http://127.0.0.1:8082",
            description = "Base URL of callback-ingress; callbacks go to <url>/v1/vod/callbacks[/{subAppId}][/{token}]. Default ${DEFAULT-VALUE}.")
    String ingressUrl;

    @Option(names = "--callback-path-token", paramLabel = "TOKEN", description = "The ingress's path token (env VODFLOW_CALLBACK_PATH_TOKEN).")
    String pathToken;

    @Option(names = "--sign-key", paramLabel = "KEY", description = "The ingress's SignKey for Sign/T (default VODFLOW_CALLBACK_SIGN_KEY).")
    String signKey;

    @Option(names = "--rate", defaultValue = "20", description = "DescribeMediaInfos calls per second (VOD allows 100). Default ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--print", description = "Print the callback bodies (one JSON per line, without Sign/T) instead of posting them.")
    boolean print;

    @Option(names = "--processor-url", paramLabel = "URL", description = "Base URL of event-processor: each FileId's current "
            + "TaskId is read from <url>/v1/media/{fileId} and reused (needs an admin JWT).")
    String processorUrl;

    @Option(names = "--admin-jwt", paramLabel = "JWT", description = "JWT with the admin role for --processor-url "
            + "(prefer env VODFLOW_ADMIN_JWT: options land in the process list).")
    String adminJwt;

    @Option(names = "--timeout", defaultValue = "PT10S", description = "Timeout of one callback POST. Default ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        if (rate <= 0 || rate > 100) {
            throw new CliFailure("--rate must be above 0 and at most 100 (VOD's DescribeMediaInfos limit per second)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long subAppId = vod.subAppId(root);
        VodApiClient api = new VodApiClient(vod.connection(root));
        List<String> ids = new FileIdSelection(fileIds, fileIdsFrom, from, to)
                .resolve(new MediaSearcher(api, subAppId, rate), err);
        if (ids.isEmpty()) {
            out.println("Nothing to backfill: no media created in that time range.");
            return ExitCodes.OK;
        }
        MediaInfoFetcher fetcher = new MediaInfoFetcher(api, subAppId, rate);
        CallbackPoster poster = print ? null : poster(subAppId, err);
        ProcessorTaskLookup lookup = lookup(err);

        ProgressBar progress = new ProgressBar(err, ids.size());
        List<String> notFound = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int done = 0;
        int callbacks = 0;
        for (List<String> chunk : MediaInfoFetcher.chunks(ids)) {
            MediaInfoFetcher.Chunk fetched;
            try {
                fetched = fetcher.fetch(chunk);
            } catch (VodApiException e) {
                progress.finish();
                throw new CliFailure("DescribeMediaInfos failed: " + e + " (" + done + " of " + ids.size() + " done; rerun is safe)");
            }
            notFound.addAll(fetched.notFound());
            done += fetched.notFound().size();
            for (JsonNode media : fetched.media()) {
                String fileId = media.path("FileId").asText();
                Optional<String> taskId;
                try {
                    taskId = lookup == null ? Optional.empty() : lookup.currentTaskId(fileId);
                } catch (ProcessorTaskLookup.LookupFailure e) {
                    failed.add(fileId + " (" + e.getMessage() + ")");
                    progress.show(++done, callbacks);
                    continue;
                }
                if (lookup != null) {
                    progress.note(fileId + ": " + taskId.map(t -> "TaskId " + t + " from the processor")
                            .orElse("processor does not know it (or it follows no task); synthetic TaskId"));
                }
                for (ObjectNode body : SyntheticCallbacks.of(media, taskId.orElse(null))) {
                    if (print) {
                        out.println(body);
                        callbacks++;
                        continue;
                    }
                    Optional<String> problem = poster.post(body);
                    if (problem.isPresent()) {
                        failed.add(fileId + " (" + problem.get() + ")");
                        break;
                    }
                    callbacks++;
                }
                progress.show(++done, callbacks);
            }
            progress.show(done, callbacks);
        }
        progress.finish();
        out.println("Backfill: " + (ids.size() - notFound.size() - failed.size()) + " of " + ids.size() + " media, "
                + callbacks + " callbacks " + (print ? "printed" : "posted") + ".");
        if (!notFound.isEmpty()) {
            out.println("Not in VOD (deleted or wrong sub-app): " + String.join(", ", notFound));
        }
        if (!failed.isEmpty()) {
            out.println("Failed (rerun is safe): " + String.join("; ", failed));
        }
        return notFound.isEmpty() && failed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Null without --processor-url: every TaskId is then synthetic. */
    private ProcessorTaskLookup lookup(PrintWriter err) {
        if (processorUrl == null || processorUrl.isBlank()) {
            err.println("TaskIds: synthetic (vodflow-backfill-<FileId>); give --processor-url to reuse the media's real task");
            return null;
        }
        String jwt = Setting.pick(adminJwt, root, "VODFLOW_ADMIN_JWT", null);
        if (jwt == null) {
            throw new CliFailure("--processor-url needs an admin JWT: set VODFLOW_ADMIN_JWT (or --admin-jwt)");
        }
        return new ProcessorTaskLookup(processorUrl.trim(), jwt, timeout);
    }

    private CallbackPoster poster(long subAppId, PrintWriter err) {
        String key = Setting.pick(signKey, root, "VODFLOW_CALLBACK_SIGN_KEY", null);
        if (key == null) {
            err.println("warning: no SignKey; callbacks go unsigned (accepted only by an ingress without VODFLOW_CALLBACK_SIGN_KEY)");
        } else {
            SignKeys.requireValid(key, signKey != null ? "--sign-key" : "VODFLOW_CALLBACK_SIGN_KEY");
        }
        String token = Setting.pick(pathToken, root, "VODFLOW_CALLBACK_PATH_TOKEN", null);
        String base = ingressUrl.endsWith("/") ? ingressUrl.substring(0, ingressUrl.length() - 1) : ingressUrl;
        String url = base + "/v1/vod/callbacks" + (subAppId > 0 ? "/" + subAppId : "") + (token != null ? "/" + token : "");
        try {
            return new CallbackPoster(URI.create(url), key, Clock.systemUTC(), timeout);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--ingress-url is not a URL");
        }
    }
}
