package io.vodflow.signer.keys;

import io.vodflow.kit.secret.Secret;

/** A configured VOD key pair under its key id; the SecretKey stays a masked {@link Secret}. */
public record SigningKey(String keyId, String secretId, Secret secretKey) {
}
