package io.vodflow.cli.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.cli.CliFailure;
import io.vodflow.cli.vod.VodApiClient;
import io.vodflow.cli.vod.VodApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the FileIds created in {@code [from, to)} with SearchMedia, oldest first. VOD pages through at most 5000
 * results of one search (Offset + Limit), so when a window is exhausted the search restarts at the last CreateTime
 * seen (After is inclusive) and skips the FileIds it already has.
 */
final class MediaSearcher {

    /** VOD's cap on Offset + Limit. */
    static final int MAX_WINDOW = 5000;
    private static final int LIMIT_RETRIES = 5;

    private final VodApiClient api;
    private final long subAppId;
    private final RequestPacer pacer;
    private final int pageSize;
    private final int window;

    MediaSearcher(VodApiClient api, long subAppId, double callsPerSecond) {
        this(api, subAppId, callsPerSecond, 100, MAX_WINDOW);
    }

    /** With smaller pages or windows, for tests of the window logic. */
    MediaSearcher(VodApiClient api, long subAppId, double callsPerSecond, int pageSize, int window) {
        this.api = api;
        this.subAppId = subAppId;
        this.pacer = new RequestPacer(callsPerSecond);
        this.pageSize = pageSize;
        this.window = window;
    }

    List<String> fileIds(Instant from, Instant to) throws InterruptedException {
        Set<String> seen = new LinkedHashSet<>();
        Instant after = from;
        while (true) {
            int before = seen.size();
            Instant last = after;
            for (int offset = 0; offset + pageSize <= window; offset += pageSize) {
                JsonNode page = search(after, to, offset);
                for (JsonNode media : page.path("MediaInfoSet")) {
                    seen.add(media.path("FileId").asText());
                    last = Instant.parse(media.path("BasicInfo").path("CreateTime").asText(after.toString()));
                }
                if (page.path("MediaInfoSet").size() < pageSize) {
                    return List.copyOf(seen);
                }
            }
            if (seen.size() == before) {
                throw new CliFailure("more than " + window + " media were created at " + last
                        + "; SearchMedia cannot page past them: backfill those with --file-ids-from");
            }
            after = last;
        }
    }

    private JsonNode search(Instant after, Instant to, int offset) throws InterruptedException {
        ObjectNode params = VodApiClient.params(subAppId);
        params.putObject("CreateTime").put("After", after.toString()).put("Before", to.toString());
        params.putObject("Sort").put("Field", "CreateTime").put("Order", "Asc");
        params.put("Offset", offset).put("Limit", pageSize);
        params.putArray("Filters").add("basicInfo");
        for (int attempt = 0; ; attempt++) {
            pacer.acquire();
            try {
                return api.call("SearchMedia", params);
            } catch (VodApiException e) {
                if (!"RequestLimitExceeded".equals(e.code()) || attempt >= LIMIT_RETRIES) {
                    throw e;
                }
                pacer.backOff(Duration.ofSeconds(1));
            }
        }
    }
}
