package io.vodflow.cli.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.cli.CliFailure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the event-processor ({@code GET /v1/media/{fileId}} with an admin JWT) which procedure task its media row
 * follows. DescribeMediaInfos never names the task, so without this a synthetic FINISH would land on a task of its
 * own and leave the media's real task (known from the real NewFileUpload) unfinished.
 */
final class ProcessorTaskLookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String bearer;
    private final Duration timeout;
    private final HttpClient http;

    /** @param adminJwt a JWT whose roles claim holds admin (the processor hides other users' media); never printed */
    ProcessorTaskLookup(String processorUrl, String adminJwt, Duration timeout) {
        this.baseUrl = processorUrl.endsWith("/") ? processorUrl.substring(0, processorUrl.length() - 1) : processorUrl;
        this.bearer = "Bearer " + adminJwt;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The media's current TaskId; empty when the processor has no such media, or it follows no task yet. */
    Optional<String> currentTaskId(String fileId) throws LookupFailure, InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/media/" + URLEncoder.encode(fileId, StandardCharsets.UTF_8)))
                    .timeout(timeout).header("Authorization", bearer).header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--processor-url is not a URL");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LookupFailure("processor unreachable at " + baseUrl + " (" + e.getClass().getSimpleName() + ")");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            // every later lookup would be refused the same way
            throw new CliFailure("the processor refused the admin JWT (" + status + "): give a valid JWT with the admin "
                    + "role in VODFLOW_ADMIN_JWT (or --admin-jwt)");
        }
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new LookupFailure("processor answered HTTP " + status);
        }
        try {
            JsonNode taskId = JSON.readTree(response.body()).path("taskId");
            return taskId.isTextual() && !taskId.asText().isBlank() ? Optional.of(taskId.asText()) : Optional.empty();
        } catch (IOException e) {
            throw new LookupFailure("processor answered a body that is not JSON");
        }
    }

    /** A lookup that failed for this file only (the run goes on; a rerun is safe). */
    static final class LookupFailure extends Exception {
        LookupFailure(String message) {
            super(message, null, false, false);
        }
    }
}
