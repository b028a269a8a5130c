package io.vodflow.kit.context;

import io.vodflow.kit.secret.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Key of the sourceContext MAC shared by signer and processor; unset = derived from the JWT secret. */
@ConfigurationProperties("vodflow.source-context")
public record SourceContextProperties(
        /** Dedicated MAC key (VODFLOW_SOURCE_CONTEXT_KEY); leave unset to derive one from VODFLOW_JWT_SECRET. */
        Secret key) {
}
