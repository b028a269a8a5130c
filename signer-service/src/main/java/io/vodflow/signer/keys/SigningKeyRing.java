package io.vodflow.signer.keys;

import io.vodflow.signer.config.SignerProperties;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured VOD key pairs: one active pair signs, every pair verifies. Signatures carry their secretId, so
 * switching the active id changes nothing for clients and signatures issued under the old pair stay checkable.
 */
@Component
public class SigningKeyRing {
    private final SigningKey active;
    private final Map<String, SigningKey> bySecretId = new LinkedHashMap<>();

    public SigningKeyRing(SignerProperties props) {
        props.keys().forEach((keyId, pair) -> {
            SigningKey key = new SigningKey(keyId, pair.secretId(), pair.secretKey());
            if (bySecretId.putIfAbsent(pair.secretId(), key) != null) {
                throw new IllegalStateException("vodflow.signer.keys: secretId of key '" + keyId + "' is configured twice");
            }
        });
        active = bySecretId.values().stream().filter(k -> k.keyId().equals(props.activeKey())).findFirst()
                .orElseThrow(() -> new IllegalStateException("vodflow.signer.active-key names no configured key"));
    }

    /** The pair that signs new signatures. */
    public SigningKey active() {
        return active;
    }

    /** The pair with this SecretId, if configured. */
    public Optional<SigningKey> bySecretId(String secretId) {
        return Optional.ofNullable(bySecretId.get(secretId));
    }

    /** Every configured pair, in configuration order. */
    public List<SigningKey> all() {
        return List.copyOf(bySecretId.values());
    }
}
