package io.vodflow.cli.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.cli.vod.VodApiClient;
import io.vodflow.cli.vod.VodApiException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches DescribeMediaInfos (basicInfo, metaData, transcodeInfo) for up to 20 FileIds per call, paced under VOD's
 * 100 calls/s, retrying a call refused with RequestLimitExceeded after a pause.
 */
final class MediaInfoFetcher {

    /** VOD's maximum FileIds per DescribeMediaInfos call. */
    static final int CHUNK = 20;
    private static final int LIMIT_RETRIES = 5;

    /** The MediaInfoSet and NotExistFileIdSet of one call. */
    record Chunk(List<JsonNode> media, List<String> notFound) { }

    private final VodApiClient api;
    private final long subAppId;
    private final RequestPacer pacer;

    MediaInfoFetcher(VodApiClient api, long subAppId, double callsPerSecond) {
        this.api = api;
        this.subAppId = subAppId;
        this.pacer = new RequestPacer(callsPerSecond);
    }

    /** The FileIds cut into VOD-sized chunks, in order. */
    static List<List<String>> chunks(List<String> fileIds) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < fileIds.size(); i += CHUNK) {
            chunks.add(fileIds.subList(i, Math.min(fileIds.size(), i + CHUNK)));
        }
        return chunks;
    }

    Chunk fetch(List<String> fileIds) throws InterruptedException {
        ObjectNode params = VodApiClient.params(subAppId);
        ArrayNode ids = params.putArray("FileIds");
        fileIds.forEach(ids::add);
        ArrayNode filters = params.putArray("Filters");
        filters.add("basicInfo").add("metaData").add("transcodeInfo");
        for (int attempt = 0; ; attempt++) {
            pacer.acquire();
            try {
                JsonNode response = api.call("DescribeMediaInfos", params);
                List<JsonNode> media = new ArrayList<>();
                response.path("MediaInfoSet").forEach(media::add);
                List<String> notFound = new ArrayList<>();
                response.path("NotExistFileIdSet").forEach(id -> notFound.add(id.asText()));
                return new Chunk(media, notFound);
            } catch (VodApiException e) {
                if (!"RequestLimitExceeded".equals(e.code()) || attempt >= LIMIT_RETRIES) {
                    throw e;
                }
                pacer.backOff(Duration.ofSeconds(1));
            }
        }
    }
}
