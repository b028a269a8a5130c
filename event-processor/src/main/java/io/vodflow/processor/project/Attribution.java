package io.vodflow.processor.project;

/** How a media row is tied to a user (media.attribution). */
public enum Attribution {
    /** Only task events seen so far; the NewFileUpload decides. */
    PENDING,
    /** Resolved through a verified sourceContext to a signature and its user. */
    LINKED,
    /** sourceContext missing, invalid, unknown or revoked; the reason says which. */
    UNATTRIBUTED,
    /** A one-time signature already linked to another FileId. */
    CONFLICT
}
