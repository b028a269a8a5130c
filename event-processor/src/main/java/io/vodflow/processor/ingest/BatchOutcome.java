package io.vodflow.processor.ingest;

/** What one committed batch did, for metrics and logs. */
public record BatchOutcome(int records, int applied, int duplicates, int rejected, long conflicts, long unknowns,
                           int outboxEvents) {
}
