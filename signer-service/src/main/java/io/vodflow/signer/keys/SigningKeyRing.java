package io.vodflow.signer.keys;

import io.vodflow.signer.config.SignerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured VOD key pairs: one active pair signs, every pair verifies. Signatures carry their secretId, so
 * switching the active id changes nothing for clients and signatures issued under the old pair stay checkable.
 * The active pair is the configured one until an operator switches it at run time ({@link #follow}).
 */
@Component
public class SigningKeyRing {
    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private final SigningKey configured;
    private final Map<String, SigningKey> bySecretId = new LinkedHashMap<>();
    private final Map<String, SigningKey> byKeyId = new LinkedHashMap<>();
    private volatile SigningKey active;
    private String missingSwitchTarget;
    private long followedSwitch = Long.MIN_VALUE;

    public SigningKeyRing(SignerProperties props) {
        props.keys().forEach((keyId, pair) -> {
            SigningKey key = new SigningKey(keyId, pair.secretId(), pair.secretKey());
            if (bySecretId.putIfAbsent(pair.secretId(), key) != null) {
                throw new IllegalStateException("vodflow.signer.keys: secretId of key '" + keyId + "' is configured twice");
            }
            byKeyId.put(keyId, key);
        });
        configured = Optional.ofNullable(byKeyId.get(props.activeKey()))
                .orElseThrow(() -> new IllegalStateException("vodflow.signer.active-key names no configured key"));
        active = configured;
    }

    /** The pair that signs new signatures. */
    public SigningKey active() {
        return active;
    }

    /** The pair VODFLOW_VOD_ACTIVE_KEY names, active while no run-time switch says otherwise. */
    public SigningKey configured() {
        return configured;
    }

    /** The pair with this SecretId, if configured. */
    public Optional<SigningKey> bySecretId(String secretId) {
        return Optional.ofNullable(bySecretId.get(secretId));
    }

    /** The pair with this key id, if configured. */
    public Optional<SigningKey> byKeyId(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    /** Every configured pair, in configuration order. */
    public List<SigningKey> all() {
        return List.copyOf(bySecretId.values());
    }

    /**
     * Makes the switch's key active (the configured one when it names none). A key this instance does not hold
     * leaves the active one as it is: signing on with a known pair beats refusing, and the operator is told.
     * Switches older than one already followed are ignored.
     */
    public synchronized void follow(KeySwitch choice) {
        // a read that started before a newer switch was recorded here must not undo it
        if (choice.id() < followedSwitch) {
            return;
        }
        followedSwitch = choice.id();
        String wanted = choice.keyId();
        SigningKey next = wanted == null ? configured : byKeyId.get(wanted);
        if (next == null) {
            if (!wanted.equals(missingSwitchTarget)) {
                missingSwitchTarget = wanted;
                log.atWarn().addKeyValue("switchedTo", wanted).addKeyValue("signingWith", active.keyId())
                        .log("the active key was switched to a key id this instance does not hold; add its pair here");
            }
            return;
        }
        missingSwitchTarget = null;
        SigningKey previous = active;
        active = next;
        if (previous != next) {
            log.atInfo().addKeyValue("keyId", next.keyId()).addKeyValue("secretId", next.secretId())
                    .addKeyValue("previousKeyId", previous.keyId()).log("active signing key switched");
        }
    }
}
