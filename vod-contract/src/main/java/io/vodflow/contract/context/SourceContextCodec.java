package io.vodflow.contract.context;

import java.util.Optional;
import java.util.UUID;

/**
 * The tamper-proof sourceContext the signer writes and the processor verifies:
 * {@code vf1.<signature id, 22 chars base64url>.<HMAC-SHA256(key, "vf1." + id) truncated to 16 bytes, base64url>}.
 */
public final class SourceContextCodec {

    /** @param key the MAC key bytes (at least 32); never printed. */
    public SourceContextCodec(byte[] key) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A codec keyed by HMAC-SHA256(masterSecret, "vodflow/source-context/v1"). */
    public static SourceContextCodec derivedFrom(String masterSecret) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The sourceContext for a signature row. */
    public String issue(UUID signatureId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The signature id if the context is well-formed and its MAC verifies (constant-time), else empty. */
    public Optional<UUID> verify(String sourceContext) {
        throw new UnsupportedOperationException("TODO");
    }
}
