package io.vodflow.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The documented dev values of the VODFLOW_* settings used by the local run (never for production). */
public record DevSettings(String secretId, String secretKey, String jwtSecret, String callbackSignKey) {

    /** The defaults printed by the local run and used by the end-to-end tests. */
    public static DevSettings defaults() {
        return new DevSettings("AKIDvodflowLocalDevSecretId0000000000", "vodflow-local-dev-secret-key",
                "vodflow-local-dev-jwt-secret-0123456789abcdef", "vodflowDevSignKey01");
    }

    /** The service environment: these settings plus where Kafka and Postgres are. */
    public Map<String, String> environment(Map<String, String> infra) {
        Map<String, String> env = new LinkedHashMap<>(infra);
        env.put("VODFLOW_VOD_SECRET_ID", secretId);
        env.put("VODFLOW_VOD_SECRET_KEY", secretKey);
        env.put("VODFLOW_JWT_SECRET", jwtSecret);
        env.put("VODFLOW_CALLBACK_SIGN_KEY", callbackSignKey);
        return env;
    }
}
