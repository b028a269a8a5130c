package io.vodflow.signer.config;

import io.vodflow.kit.secret.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** One VOD API key pair (CAM SecretId and SecretKey); the SecretKey is a {@link Secret} so it never prints. */
public record VodKeyPair(
        /** SecretId, sent to VOD inside every signature. */
        @NotBlank String secretId,
        /** SecretKey, the HMAC key; never leaves the signer. */
        @NotNull Secret secretKey) {
}
