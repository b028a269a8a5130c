package io.vodflow.processor.project;

import java.time.Instant;

/**
 * What one batch says about a procedure task; {@link #merge} folds rows exactly as the SQL upsert does.
 * {@code subAppId} is the VOD sub-application its callbacks came for (null = not said; the first one said stays).
 */
public record TaskRow(String taskId, String fileId, String status, int statusRank, int progress, Integer errCode,
                      String message, String sessionContext, String sessionId, String notifyMode, Instant finishedAt,
                      Long subAppId) {

    /** True when a later row would change this one: a higher rank or more progress, and this one is not terminal. */
    public boolean advancedBy(TaskRow later) {
        return statusRank < StatusRanks.TERMINAL && (later.statusRank > statusRank || later.progress > progress);
    }

    /** Folds a later row in; a late PROCESSING after FINISH, or lower progress, changes nothing. */
    public TaskRow merge(TaskRow later) {
        if (!advancedBy(later)) {
            return this;
        }
        boolean newer = later.statusRank >= statusRank;
        return new TaskRow(taskId, MediaRow.first(fileId, later.fileId),
                newer ? later.status : status, Math.max(statusRank, later.statusRank),
                Math.max(progress, later.progress),
                newer ? MediaRow.first(later.errCode, errCode) : errCode,
                newer ? MediaRow.first(later.message, message) : message,
                MediaRow.first(sessionContext, later.sessionContext), MediaRow.first(sessionId, later.sessionId),
                MediaRow.first(later.notifyMode, notifyMode), MediaRow.first(finishedAt, later.finishedAt),
                MediaRow.first(subAppId, later.subAppId));
    }
}
