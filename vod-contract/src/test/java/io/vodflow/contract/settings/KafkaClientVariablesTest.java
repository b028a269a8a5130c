package io.vodflow.contract.settings;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientVariablesTest {

    @Test
    void variablesBecomeDottedLowerCaseClientProperties() {
        Map<String, String> env = Map.of(
                "VODFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "VODFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG", "org.example.Login required;",
                "VODFLOW_KAFKA_CLIENT_", "ignored: no property name",
                "VODFLOW_KAFKA_CLIENT_SASL_MECHANISM", " ",
                "VODFLOW_KAFKA_BOOTSTRAP", "kafka:9092",
                "PATH", "/usr/bin");

        assertThat(KafkaClientVariables.from(env)).containsExactly(
                Map.entry("sasl.jaas.config", "org.example.Login required;"),
                Map.entry("security.protocol", "SASL_SSL"));
    }
}
