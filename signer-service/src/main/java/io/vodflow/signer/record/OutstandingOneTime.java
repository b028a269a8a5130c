package io.vodflow.signer.record;

import java.time.Instant;

/** A user's unused, unexpired one-time signatures: how many, and when the first of them expires (null if none). */
public record OutstandingOneTime(long held, Instant soonestExpiry) {
}
