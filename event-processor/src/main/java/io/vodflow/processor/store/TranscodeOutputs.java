package io.vodflow.processor.store;

/**
 * SQL for the Transcode outputs of every task flow of a media, latest per definition: what GET /v1/media shows and
 * what a late UploadLinked carries, written once so the two cannot drift.
 */
public final class TranscodeOutputs {
    /**
     * Join target and condition for media alias {@code m}: each of its task flows ({@code pt}, by
     * {@link TaskOwnership}) with their Transcode outputs that have a URL ({@code r}).
     */
    public static final String OF_MEDIA_M = "(procedure_task pt JOIN task_result r ON r.task_id = pt.task_id"
            + " AND r.type = 'Transcode' AND r.url IS NOT NULL) ON " + TaskOwnership.taskOfMedia("pt", "m");
    /** The ORDER BY term after {@code r.definition} that puts each definition's latest output first (DISTINCT ON keeps it). */
    public static final String LATEST_FIRST = "COALESCE(r.finish_time, r.updated_at) DESC";

    private TranscodeOutputs() {
    }
}
