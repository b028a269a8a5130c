package io.vodflow.infra.kafka;

import java.util.Map;

/** A SASL/PLAIN login a broker started with it accepts, as managed Kafka services (CKafka among them) hand out. */
public record SaslPlainUser(String username, String password) {
    /** The JAAS login module of SASL/PLAIN, on both sides of the connection. */
    static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    public SaslPlainUser {
        if (!username.matches("[A-Za-z0-9_-]+") || password.contains("\"")) {
            throw new IllegalArgumentException("a SASL user name of letters, digits, '_' or '-', and a password without '\"'");
        }
    }

    /** The JAAS line a client logs in with. */
    public String jaasConfig() {
        return LOGIN_MODULE + " username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** What a Kafka client needs besides bootstrap.servers to reach a broker that requires this login. */
    public Map<String, String> clientProperties() {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config", jaasConfig());
    }
}
