package io.vodflow.signer.keys;

import java.time.Instant;

/**
 * A run-time choice of the active key pair, in the order {@code id} gives; {@code keyId} null hands it back to
 * the configured one.
 */
public record KeySwitch(long id, String keyId, String switchedBy, Instant switchedAt) {
}
