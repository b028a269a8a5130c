package io.vodflow.signer.verify;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /v1/upload-signatures/verify}: the signature string to inspect. */
public record VerifyRequest(@NotBlank String signature) {
}
