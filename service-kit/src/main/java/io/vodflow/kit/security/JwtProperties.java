package io.vodflow.kit.security;

import io.vodflow.kit.secret.Secret;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/** How end-user JWTs are checked: HS256 with VODFLOW_JWT_SECRET, or an issuer's JWKS when one is configured. */
@Validated
@ConfigurationProperties("vodflow.jwt")
public record JwtProperties(
        /** HS256 key (at least 32 bytes); also the default root of the sourceContext MAC key. */
        @NotNull Secret secret,
        /** JWKS URI of an external issuer; when set, tokens are verified against it instead of the HS256 key. */
        URI jwkSetUri,
        /** Required {@code iss} value, if any. */
        String issuer,
        /** Clock skew tolerated on {@code exp}/{@code nbf}. */
        @DefaultValue("30s") Duration clockSkew,
        /** How long a verified token is remembered (never past its exp); 0 verifies every request again. */
        @DefaultValue("5m") @NotNull Duration verifiedCacheTtl,
        /** Most verified tokens remembered at once. */
        @DefaultValue("10000") @Min(1) long verifiedCacheSize) {
}
