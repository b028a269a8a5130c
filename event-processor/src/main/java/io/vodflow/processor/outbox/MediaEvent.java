package io.vodflow.processor.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vodflow.contract.event.DeletedPart;

import java.time.Instant;
import java.util.List;

/**
 * A domain event on vod.media.events (key = FileId, JSON value, header {@code event-id}). Schema v1:
 * <ul>
 *   <li>{@code eventId}: stable id; a re-emitted duplicate carries the same id, so consumers dedupe on it.</li>
 *   <li>{@code type}: UploadLinked | TranscodeProgress | TranscodeFinished | MediaDeleted | MediaPartsDeleted.</li>
 *   <li>{@code fileId}, {@code userId} (null while the upload is not attributed), {@code signatureId} (UploadLinked),
 *       {@code taskId}, {@code status} (media status), {@code taskStatus}, {@code progress} (0-100),
 *       {@code renditions} and {@code coverUrl} (TranscodeFinished, and UploadLinked of media
 *       that finished before it was linked), {@code occurredAt}, {@code deletedParts}
 *       (MediaPartsDeleted: the {@code {type, definition}} items removed while the media stays).</li>
 * </ul>
 * Absent fields are omitted. Events describe committed state changes: a late or duplicate callback emits nothing,
 * and changes folded into one batch emit once (e.g. PROCESSING then FINISH in one batch yields only TranscodeFinished).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaEvent(int schemaVersion, String eventId, String type, String fileId, String userId, String signatureId,
                         String taskId, String status, String taskStatus, Integer progress, List<Rendition> renditions,
                         String coverUrl, Instant occurredAt, List<DeletedPart> deletedParts) {

    public static final String UPLOAD_LINKED = "UploadLinked";
    public static final String TRANSCODE_PROGRESS = "TranscodeProgress";
    public static final String TRANSCODE_FINISHED = "TranscodeFinished";
    public static final String MEDIA_DELETED = "MediaDeleted";
    public static final String MEDIA_PARTS_DELETED = "MediaPartsDeleted";

    /** One transcoded rendition. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rendition(int definition, String url, Integer width, Integer height, Long bitrate, Long size,
                            Double duration, String status) { }
}
