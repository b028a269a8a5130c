package io.vodflow.signer.keys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /v1/signing-keys/active}: the key id to sign with from now on. */
public record ActiveKeyRequest(@NotBlank @Size(max = 100) String keyId) {
}
