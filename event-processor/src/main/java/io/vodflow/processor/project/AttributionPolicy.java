package io.vodflow.processor.project;

import io.vodflow.contract.context.SourceContextCodec;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides who an upload belongs to. A verified sourceContext names the signature; the signature names the user.
 * A one-time signature links only the first FileId that presents it (later ones are conflicts); anything that
 * cannot be resolved is kept as UNATTRIBUTED with the reason, never dropped.
 */
public class AttributionPolicy {
    private final SourceContextCodec codec;

    public AttributionPolicy(SourceContextCodec codec) {
        this.codec = codec;
    }

    /** The signature id a sourceContext proves, if its MAC verifies. */
    public Optional<UUID> claimedSignature(String sourceContext) {
        if (sourceContext == null || sourceContext.isBlank()) {
            return Optional.empty();
        }
        try {
            return codec.verify(sourceContext);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Decides for one upload. {@code claimedInBatch} maps one-time signatures linked earlier in this batch to
     * their FileId and is updated when this upload links one.
     */
    public AttributionDecision decide(String fileId, String sourceContext, Map<UUID, SignatureRecord> signatures,
                                      Map<UUID, String> claimedInBatch) {
        if (sourceContext == null || sourceContext.isBlank()) {
            return AttributionDecision.unattributed(null, "sourceContext missing");
        }
        Optional<UUID> claimed = claimedSignature(sourceContext);
        if (claimed.isEmpty()) {
            return AttributionDecision.unattributed(null, "sourceContext invalid: not issued by this signer");
        }
        SignatureRecord s = signatures.get(claimed.get());
        if (s == null) {
            return AttributionDecision.unattributed(claimed.get(), "signature not found");
        }
        if (SignatureRecord.REVOKED.equals(s.state())) {
            return AttributionDecision.unattributed(s.id(), "signature revoked");
        }
        if (s.oneTime()) {
            String owner = s.usedFileId() != null ? s.usedFileId() : claimedInBatch.get(s.id());
            if (owner != null && !owner.equals(fileId)) {
                return AttributionDecision.conflict(s, owner);
            }
            claimedInBatch.put(s.id(), fileId);
        }
        return AttributionDecision.linked(s);
    }
}
