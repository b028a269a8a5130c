package io.vodflow.processor.project;

import java.util.List;

/** Everything one batch writes, folded per key and sorted by key (a stable lock order across transactions). */
public record ProjectionPlan(List<MediaRow> media, List<TaskRow> tasks, List<ResultRow> results,
                             List<SignatureUse> signatureUses, List<ConflictRow> conflicts, List<UnknownRow> unknowns,
                             List<LinkedUpload> linked, List<String> deletedFileIds,
                             List<PartDeletionRow> partDeletions, List<PartsDeleted> partsDeleted) {

    /** A plan that writes nothing. */
    public static ProjectionPlan empty() {
        return new ProjectionPlan(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** Transcode results with an output URL, per task, in definition order (for TranscodeFinished). */
    public List<ResultRow> renditionsOf(String taskId) {
        return results.stream()
                .filter(r -> r.taskId().equals(taskId) && ResultRow.TRANSCODE.equals(r.type()) && r.url() != null)
                .toList();
    }
}
