package io.vodflow.processor.project;

import java.util.UUID;

/** A one-time signature presented by a second FileId (signature_conflict). */
public record ConflictRow(UUID signatureId, String fileId, String linkedFileId, String userId) {
}
