package io.vodflow.processor.project;

import java.util.UUID;

/** A signature to mark USED by the upload that linked it. */
public record SignatureUse(UUID signatureId, String fileId) {
}
