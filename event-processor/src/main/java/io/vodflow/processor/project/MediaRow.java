package io.vodflow.processor.project;

import java.time.Instant;
import java.util.UUID;

/** What one batch says about a media row; {@link #merge} folds rows exactly as the SQL upsert does. */
public record MediaRow(String fileId, String userId, UUID signatureId, Attribution attribution, String reason,
                       String name, String category, String mediaUrl, String basicCoverUrl, String snapshotCoverUrl,
                       Long size, Double duration, Integer width, Integer height, Long bitrate, String container,
                       String taskId, String status, int statusRank, Instant uploadedAt, Instant deletedAt) {

    /** A row that only carries a status (task and delete events); attribution stays PENDING. */
    public static MediaRow statusOnly(String fileId, String status) {
        return new MediaRow(fileId, null, null, Attribution.PENDING, null, null, null, null, null, null,
                null, null, null, null, null, null, null, status, StatusRanks.ofMedia(status), null, null);
    }

    /** This row marked deleted at the given time. */
    public MediaRow deletedAt(Instant when) {
        return new MediaRow(fileId, userId, signatureId, attribution, reason, name, category, mediaUrl, basicCoverUrl,
                snapshotCoverUrl, size, duration, width, height, bitrate, container, taskId, status, statusRank,
                uploadedAt, when);
    }

    /**
     * Folds a later row into this one: attribution is decided once (only PENDING is replaced), descriptive
     * fields keep their first value, the snapshot cover takes the latest, status keeps the higher rank.
     */
    public MediaRow merge(MediaRow later) {
        boolean attribute = attribution == Attribution.PENDING;
        boolean advance = later.statusRank > statusRank;
        return new MediaRow(fileId,
                attribute ? later.userId : userId,
                attribute ? later.signatureId : signatureId,
                attribute ? later.attribution : attribution,
                attribute ? later.reason : reason,
                first(name, later.name), first(category, later.category), first(mediaUrl, later.mediaUrl),
                first(basicCoverUrl, later.basicCoverUrl), first(later.snapshotCoverUrl, snapshotCoverUrl),
                first(size, later.size), first(duration, later.duration), first(width, later.width),
                first(height, later.height), first(bitrate, later.bitrate), first(container, later.container),
                first(taskId, later.taskId),
                advance ? later.status : status, Math.max(statusRank, later.statusRank),
                first(uploadedAt, later.uploadedAt), first(deletedAt, later.deletedAt));
    }

    static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
