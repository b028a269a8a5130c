package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.callback.MediaInfoWriter;
import io.vodflow.emulator.upload.MediaStore;
import io.vodflow.emulator.upload.UploadedMedia;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DescribeMediaInfos} for files uploaded through the emulator: 1-20 {@code FileIds}; unknown ones are listed in
 * {@code NotExistFileIdSet} rather than refused; optional {@code Filters} choose the sections (all when absent).
 */
final class DescribeMediaInfosAction implements ApiAction {

    /** VOD's maximum FileIds per call (FileIds.N, N = 0-19). */
    static final int MAX_FILE_IDS = 20;
    /** Every filter name VOD documents; the emulator fills basicInfo, metaData and transcodeInfo. */
    static final Set<String> FILTERS = Set.of("basicInfo", "metaData", "transcodeInfo", "animatedGraphicsInfo",
            "imageSpriteInfo", "snapshotByTimeOffsetInfo", "sampleSnapshotInfo", "keyFrameDescInfo",
            "adaptiveDynamicStreamingInfo", "miniProgramReviewInfo", "subtitleInfo", "reviewInfo", "mpsAiMediaInfo",
            "knowledgeBasesInfo");

    private final MediaStore media;
    private final TaskDetailStore tasks;

    DescribeMediaInfosAction(MediaStore media, TaskDetailStore tasks) {
        this.media = media;
        this.tasks = tasks;
    }

    @Override
    public Mono<ObjectNode> handle(JsonNode params) {
        return Mono.fromSupplier(() -> {
            SubAppIdParam.of(params);
            Set<String> fileIds = strings(params.get("FileIds"), "FileIds", true);
            if (params.get("FileIds").size() > MAX_FILE_IDS) {
                throw new VodApiError(VodApiError.INVALID_PARAMETER, "FileIds holds at most 20 ids.");
            }
            Set<String> filters = strings(params.get("Filters"), "Filters", false);
            for (String filter : filters) {
                if (!FILTERS.contains(filter)) {
                    throw new VodApiError(VodApiError.INVALID_PARAMETER_VALUE, "Filters has an unknown value: " + filter);
                }
            }
            Set<String> sections = filters.isEmpty() ? MediaInfoWriter.FILLED_SECTIONS : filters;
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            ArrayNode found = response.putArray("MediaInfoSet");
            ArrayNode missing = response.putArray("NotExistFileIdSet");
            for (String fileId : fileIds) {
                Optional<UploadedMedia> file = media.find(fileId);
                if (file.isEmpty()) {
                    missing.add(fileId);
                } else {
                    found.add(MediaInfoWriter.write(file.get(), finishedTask(tasks, file.get()), sections));
                }
            }
            return response;
        });
    }

    /** The file's task flow as last reported, when it has finished; empty without a procedure or before FINISH. */
    static Optional<JsonNode> finishedTask(TaskDetailStore tasks, UploadedMedia file) {
        if (!file.hasProcedure()) {
            return Optional.empty();
        }
        return tasks.find(file.procedureTaskId()).filter(task -> "FINISH".equals(task.path("Status").asText()))
                .map(JsonNode.class::cast);
    }

    private static Set<String> strings(JsonNode node, String name, boolean required) {
        Set<String> values = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            if (required) {
                throw new VodApiError(VodApiError.MISSING_PARAMETER, "The request is missing " + name + ".");
            }
            return values;
        }
        if (!node.isArray() || (required && node.isEmpty())) {
            throw new VodApiError(VodApiError.INVALID_PARAMETER, name + " must be a non-empty array of strings.");
        }
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new VodApiError(VodApiError.INVALID_PARAMETER, name + " must be an array of strings.");
            }
            values.add(value.asText());
        }
        return values;
    }
}
