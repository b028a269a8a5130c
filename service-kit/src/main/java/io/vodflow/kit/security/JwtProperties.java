package io.vodflow.kit.security;

import io.vodflow.kit.secret.Secret;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** How end-user JWTs are checked: HS256 with VODFLOW_JWT_SECRET, or an issuer's JWKS when one is configured. */
@Validated
@ConfigurationProperties("vodflow.jwt")
public record JwtProperties(
        /** HS256 key (at least 32 bytes); also the default root of the sourceContext MAC key. */
        @NotNull Secret secret,
        /** JWKS URI of an external issuer; when set (not blank), tokens must be signed by one of its keys (RSA or EC), never HS256. */
        String jwkSetUri,
        /** Required {@code iss} value; blank accepts any. */
        String issuer,
        /** A value the token's {@code aud} must contain; blank accepts any. */
        String audience,
        /** Claim holding the caller's roles, a dotted path for nested claims (Keycloak: {@code realm_access.roles}). */
        @DefaultValue("roles") @NotBlank String rolesClaim,
        /** Clock skew tolerated on {@code exp}/{@code nbf}. */
        @DefaultValue("30s") Duration clockSkew,
        /**
         * Refuse a token without {@code exp} (VODFLOW_JWT_REQUIRE_EXP): such a token, once leaked, never stops working
         * and holds a live event stream open forever. false accepts them, for issuers that leave exp out.
         */
        @DefaultValue("true") boolean requireExpiry,
        /** How long a verified token is remembered (never past its exp); 0 verifies every request again. */
        @DefaultValue("5m") @NotNull Duration verifiedCacheTtl,
        /** Most verified tokens remembered at once. */
        @DefaultValue("10000") @Min(1) long verifiedCacheSize) {

    /** True when tokens are checked against an external issuer's JWKS. */
    public boolean usesJwks() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
