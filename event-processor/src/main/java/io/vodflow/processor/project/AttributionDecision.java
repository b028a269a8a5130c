package io.vodflow.processor.project;

import java.util.UUID;

/** The outcome of correlating one NewFileUpload with its signature. */
public record AttributionDecision(Attribution attribution, String userId, UUID signatureId, String reason,
                                  String conflictingFileId) {

    /** No say on the attribution: the media's was settled by an earlier upload event (the first one wins). */
    static AttributionDecision settledEarlier() {
        return new AttributionDecision(Attribution.PENDING, null, null, null, null);
    }

    static AttributionDecision linked(SignatureRecord s) {
        return new AttributionDecision(Attribution.LINKED, s.userId(), s.id(), null, null);
    }

    static AttributionDecision unattributed(UUID signatureId, String reason) {
        return new AttributionDecision(Attribution.UNATTRIBUTED, null, signatureId, reason, null);
    }

    static AttributionDecision conflict(SignatureRecord s, String linkedFileId) {
        return new AttributionDecision(Attribution.CONFLICT, null, s.id(),
                "one-time signature already used by FileId " + linkedFileId, linkedFileId);
    }
}
