package io.vodflow.processor.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * GET /v1/media/{fileId}: the architecture's fixed fields first, then extras. {@code deletedParts} lists what partial
 * deletions removed (the media keeps its status only under KEEP_MEDIA): renditions they removed are left out, and
 * {@code mediaUrl} is null once the original is gone ({@code originalDeletedAt}). Page items leave renditions and
 * deletedParts out (null, not serialized) rather than claim there are none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MediaView(String fileId, String userId, String signatureId, String status, String taskId, String taskStatus,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<RenditionView> renditions, String coverUrl,
                        String attribution, String attributionReason, Integer progress, String name, String mediaUrl,
                        Long size, Double duration, Integer width, Integer height,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt,
                        OffsetDateTime originalDeletedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<DeletedPartView> deletedParts) {

    /** One transcoded rendition. */
    public record RenditionView(int definition, String url, Integer width, Integer height, Long bitrate, Long size,
                                Double duration) {

        RenditionView withUrl(String signedUrl) {
            return new RenditionView(definition, signedUrl, width, height, bitrate, size, duration);
        }
    }

    /** One part removed by a partial deletion (VOD's MediaDeleteItem), at the latest such deletion. */
    public record DeletedPartView(String type, int definition, OffsetDateTime deletedAt) { }

    MediaView withUrls(String signedMediaUrl, List<RenditionView> list) {
        return new MediaView(fileId, userId, signatureId, status, taskId, taskStatus, list, coverUrl, attribution,
                attributionReason, progress, name, signedMediaUrl, size, duration, width, height, createdAt, updatedAt, deletedAt,
                originalDeletedAt, deletedParts);
    }

    MediaView withDetails(List<RenditionView> list, List<DeletedPartView> parts) {
        return new MediaView(fileId, userId, signatureId, status, taskId, taskStatus, list, coverUrl, attribution,
                attributionReason, progress, name, mediaUrl, size, duration, width, height, createdAt, updatedAt, deletedAt,
                originalDeletedAt, parts);
    }
}
