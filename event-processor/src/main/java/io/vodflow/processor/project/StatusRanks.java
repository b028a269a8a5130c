package io.vodflow.processor.project;

import io.vodflow.contract.event.TaskStatus;

/** Ranks that make "status never moves backwards" a comparison; rank 3 is terminal for tasks and subtasks. */
public final class StatusRanks {
    public static final int TERMINAL = 3;

    public static final String MEDIA_UPLOADED = "UPLOADED";
    public static final String MEDIA_PROCESSING = "PROCESSING";
    public static final String MEDIA_READY = "READY";
    public static final String MEDIA_FAILED = "FAILED";
    public static final String MEDIA_DELETED = "DELETED";

    private StatusRanks() { }

    /** Rank of a task-flow or subtask status: WAITING 1, PROCESSING 2, FINISH/ABORTED/SUCCESS/FAIL 3, UNKNOWN 0. */
    public static int of(TaskStatus status) {
        return switch (status) {
            case WAITING -> 1;
            case PROCESSING -> 2;
            case FINISH, ABORTED, SUCCESS, FAIL -> TERMINAL;
            case UNKNOWN -> 0;
        };
    }

    /**
     * Rank of a media status: UPLOADED 1, PROCESSING 2, FAILED 3, READY 4, DELETED 9. READY outranks FAILED because a
     * file may be processed again: a later successful flow repairs a failed one, a failed re-run leaves it playable.
     */
    public static int ofMedia(String status) {
        return switch (status) {
            case MEDIA_UPLOADED -> 1;
            case MEDIA_PROCESSING -> 2;
            case MEDIA_FAILED -> 3;
            case MEDIA_READY -> 4;
            case MEDIA_DELETED -> 9;
            default -> 0;
        };
    }
}
