package io.vodflow.ingress.fallback;

/** Rows of the fallback store: those waiting for the relay, and those parked because Kafka refused them. */
public record FallbackCounts(long waiting, long parked) {
}
