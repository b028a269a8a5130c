package io.vodflow.ingress.intake;

/** Where an accepted callback was made durable. */
public enum Durability {
    /** Acknowledged by Kafka (acks=all). */
    KAFKA,
    /** Kept in the Postgres fallback store; the relay re-publishes it once Kafka is back. */
    FALLBACK,
    /** Kept in the fallback store, parked, because Kafka refuses the record itself (too large...). */
    FALLBACK_REFUSED_BY_KAFKA
}
