package io.vodflow.processor.project;

import java.util.UUID;

/** The upload_signature columns the correlation needs (row locked for the batch's transaction). */
public record SignatureRecord(UUID id, String userId, String state, boolean oneTime, String usedFileId) {

    public static final String REVOKED = "REVOKED";
}
