package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.callback.MediaInfoWriter;
import io.vodflow.emulator.upload.MediaStore;
import io.vodflow.emulator.upload.UploadedMedia;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code SearchMedia} by creation time, the part vodflow's backfill uses: {@code CreateTime {After (inclusive),
 * Before (exclusive)}}, {@code Sort {Field: CreateTime, Order: Asc|Desc}}, {@code Offset} (default 0) and
 * {@code Limit} (default 10) with Offset + Limit at most 5000, {@code Filters} as in DescribeMediaInfos. Without
 * {@code Sort} the order is newest first (the emulator's choice; VOD documents none).
 * Answers {@code TotalCount} and {@code MediaInfoSet}. Other search criteria (Text, Tags, ClassIds, …) are not served.
 */
final class SearchMediaAction implements ApiAction {

    /** VOD pages through at most the first 5000 results of one search. */
    static final int MAX_RESULTS = 5000;

    private final MediaStore media;
    private final TaskDetailStore tasks;

    SearchMediaAction(MediaStore media, TaskDetailStore tasks) {
        this.media = media;
        this.tasks = tasks;
    }

    @Override
    public Mono<ObjectNode> handle(JsonNode params) {
        return Mono.fromSupplier(() -> {
            SubAppIdParam.of(params);
            JsonNode range = params.path("CreateTime");
            Instant after = time(range.get("After"), "CreateTime.After");
            Instant before = time(range.get("Before"), "CreateTime.Before");
            long offset = count(params.get("Offset"), "Offset", 0);
            long limit = count(params.get("Limit"), "Limit", 10);
            if (offset + limit > MAX_RESULTS) {
                throw new VodApiError(VodApiError.INVALID_PARAMETER_VALUE, "Offset + Limit must not exceed 5000.");
            }
            String order = params.path("Sort").path("Order").asText("Desc");
            if (!order.equals("Asc") && !order.equals("Desc")) {
                throw new VodApiError(VodApiError.INVALID_PARAMETER_VALUE, "Sort.Order must be Asc or Desc.");
            }
            Comparator<UploadedMedia> byTime = Comparator.comparing((UploadedMedia m) -> second(m.createTime()))
                    .thenComparing(UploadedMedia::fileId);
            List<UploadedMedia> matching = media.all().stream()
                    .filter(m -> after == null || !second(m.createTime()).isBefore(after))
                    .filter(m -> before == null || second(m.createTime()).isBefore(before))
                    .sorted(order.equals("Asc") ? byTime : byTime.reversed())
                    .toList();
            Set<String> sections = sections(params.get("Filters"));
            ObjectNode response = JsonNodeFactory.instance.objectNode().put("TotalCount", matching.size());
            ArrayNode set = response.putArray("MediaInfoSet");
            matching.stream().skip(offset).limit(limit).forEach(m ->
                    set.add(MediaInfoWriter.write(m, DescribeMediaInfosAction.finishedTask(tasks, m), sections)));
            return response;
        });
    }

    private static Instant second(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant time(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new VodApiError(VodApiError.INVALID_PARAMETER_VALUE, name + " must be ISO 8601, e.g. 2026-01-01T00:00:00Z.");
        }
    }

    private static long count(JsonNode node, String name, long fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0) {
            throw new VodApiError(VodApiError.INVALID_PARAMETER, name + " must be a non-negative integer.");
        }
        return node.asLong();
    }

    private static Set<String> sections(JsonNode filters) {
        if (filters == null || filters.isNull() || filters.isEmpty()) {
            return MediaInfoWriter.FILLED_SECTIONS;
        }
        Set<String> sections = new LinkedHashSet<>();
        for (JsonNode filter : filters) {
            if (!DescribeMediaInfosAction.FILTERS.contains(filter.asText())) {
                throw new VodApiError(VodApiError.INVALID_PARAMETER_VALUE, "Filters has an unknown value: " + filter.asText());
            }
            sections.add(filter.asText());
        }
        return sections;
    }
}
