package io.vodflow.contract.settings;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code VODFLOW_KAFKA_CLIENT_<PROPERTY>} variables as Kafka client properties, by the rule the services' binding
 * applies to them (lower case, {@code .} for {@code _}), for tools that read the environment without Spring.
 */
public final class KafkaClientVariables {
    /** Prefix of the variables. */
    public static final String PREFIX = "VODFLOW_KAFKA_CLIENT_";

    private KafkaClientVariables() {
    }

    /** The client properties the given environment sets, e.g. {@code security.protocol} from ..._SECURITY_PROTOCOL. */
    public static Map<String, String> from(Map<String, String> env) {
        Map<String, String> props = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && value != null && !value.isBlank()) {
                props.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return props;
    }
}
