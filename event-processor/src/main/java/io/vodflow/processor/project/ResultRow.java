package io.vodflow.processor.project;

import java.time.Instant;

/** One subtask result keyed by (task, type, definition); {@link #merge} folds rows as the SQL upsert does. */
public record ResultRow(String taskId, String type, int definition, String status, int statusRank, int progress,
                        Integer errCode, String errCodeExt, String message, String url, Integer width, Integer height,
                        Long bitrate, Long size, Double duration, String container, String md5, String coverUrl,
                        String imageUrlsJson, String webVttUrl, String suggestion, Double confidence,
                        String outputJson, Instant beginProcessTime, Instant finishTime) {

    /** Subtask type of transcoded renditions. */
    public static final String TRANSCODE = "Transcode";

    /** The row's key. */
    public Key key() {
        return new Key(taskId, type, definition);
    }

    /** (task, type, definition). */
    public record Key(String taskId, String type, int definition) { }

    /** Folds a later row in; terminal subtasks (SUCCESS/FAIL) never change, progress only moves forward. */
    public ResultRow merge(ResultRow later) {
        if (statusRank >= StatusRanks.TERMINAL || !(later.statusRank > statusRank || later.progress > progress)) {
            return this;
        }
        boolean newer = later.statusRank >= statusRank;
        return new ResultRow(taskId, type, definition,
                newer ? later.status : status, Math.max(statusRank, later.statusRank), Math.max(progress, later.progress),
                f(later.errCode, errCode), f(later.errCodeExt, errCodeExt), f(later.message, message), f(later.url, url),
                f(later.width, width), f(later.height, height), f(later.bitrate, bitrate), f(later.size, size),
                f(later.duration, duration), f(later.container, container), f(later.md5, md5), f(later.coverUrl, coverUrl),
                f(later.imageUrlsJson, imageUrlsJson), f(later.webVttUrl, webVttUrl), f(later.suggestion, suggestion),
                f(later.confidence, confidence), f(later.outputJson, outputJson),
                f(later.beginProcessTime, beginProcessTime), f(later.finishTime, finishTime));
    }

    private static <T> T f(T a, T b) {
        return MediaRow.first(a, b);
    }
}
