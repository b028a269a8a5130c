package io.vodflow.infra.kafka;

/**
 * How a test broker differs from the default one (no login, no topic auto-creation): a user its clients must log in
 * as, or {@code auto.create.topics.enable} on, as Kafka's own default and many operators' clusters have it.
 */
public record BrokerOptions(SaslPlainUser sasl, boolean autoCreateTopics) {

    /** No login, topics only created on request. */
    public static final BrokerOptions DEFAULT = new BrokerOptions(null, false);

    /** Clients must log in as {@code user} (SASL_PLAINTEXT, PLAIN). */
    public static BrokerOptions loginAs(SaslPlainUser user) {
        return new BrokerOptions(user, false);
    }

    /** A metadata request for a missing topic makes the broker create it with its defaults (one partition). */
    public static BrokerOptions autoCreatingTopics() {
        return new BrokerOptions(null, true);
    }
}
