package io.vodflow.signer.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the signer (prefix {@code vodflow.signer}). Key pairs are a map by key id rather than a list because
 * Spring merges maps across property sources: an operator adds {@code VODFLOW_SIGNER_KEYS_NEXT_SECRETID/_SECRETKEY}
 * beside the default {@code primary} pair (VODFLOW_VOD_SECRET_ID / VODFLOW_VOD_SECRET_KEY) without restating it.
 */
@Validated
@ConfigurationProperties("vodflow.signer")
public record SignerProperties(
        /** VOD API key pairs by key id; {@code primary} is VODFLOW_VOD_SECRET_ID / VODFLOW_VOD_SECRET_KEY. */
        @NotEmpty Map<String, @Valid VodKeyPair> keys,
        /** Id of the key pair that signs new signatures (VODFLOW_VOD_ACTIVE_KEY) until switched at run time; the others still verify. */
        @DefaultValue("primary") @NotBlank String activeKey,
        /** How often each instance reads the run-time switch of the active key (so all follow it within this). */
        @DefaultValue("5s") @NotNull Duration keyRefresh,
        /** What a caller may ask for. */
        @DefaultValue @Valid SigningPolicyProperties policy,
        /** Per-user request rate and outstanding one-time cap. */
        @DefaultValue @Valid LimitProperties limits,
        /** Background marking of expired rows. */
        @DefaultValue @Valid SweeperProperties sweeper,
        /** Group insert of rows from concurrent requests. */
        @DefaultValue @Valid BatchProperties batch,
        /** Attempts with a fresh random when (secretId, second, random) is already taken. */
        @DefaultValue("5") @Min(1) @Max(100) int randomAttempts) {

    /** A positive refresh interval: Flux.interval refuses zero. */
    @AssertTrue(message = "vodflow.signer.key-refresh must be positive")
    public boolean isKeyRefreshPositive() {
        return keyRefresh == null || (!keyRefresh.isNegative() && !keyRefresh.isZero());
    }

    /** The active key id must name a configured pair. */
    @AssertTrue(message = "vodflow.signer.active-key must name one of vodflow.signer.keys")
    public boolean isActiveKeyConfigured() {
        return keys != null && keys.containsKey(activeKey);
    }
}
