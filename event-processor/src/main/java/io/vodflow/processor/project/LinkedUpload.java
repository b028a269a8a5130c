package io.vodflow.processor.project;

import java.util.UUID;

/** An upload linked to its user in this batch (becomes an UploadLinked event). */
public record LinkedUpload(String fileId, String userId, UUID signatureId, String taskId) {
}
