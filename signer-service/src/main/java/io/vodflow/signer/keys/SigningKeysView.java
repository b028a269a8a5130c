package io.vodflow.signer.keys;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code GET /v1/signing-keys}: which pair this instance signs with, why, and every pair it holds (no SecretKey). */
public record SigningKeysView(
        @Schema(description = "Key id of the pair this instance signs new signatures with") String activeKeyId,
        @Schema(description = "Key id VODFLOW_VOD_ACTIVE_KEY names, active while no switch says otherwise") String configuredKeyId,
        @Schema(description = "The latest run-time switch, shared by every instance; null when there never was one",
                nullable = true) KeySwitch lastSwitch,
        @Schema(description = "Every pair configured here, in configuration order") List<Key> keys) {

    /** One configured pair: its id, the SecretId that signatures carry, and whether it signs here now. */
    public record Key(String keyId, String secretId, boolean active) { }

    static SigningKeysView of(SigningKeyRing ring, KeySwitch lastSwitch) {
        SigningKey active = ring.active();
        return new SigningKeysView(active.keyId(), ring.configured().keyId(), lastSwitch,
                ring.all().stream().map(k -> new Key(k.keyId(), k.secretId(), k == active)).toList());
    }
}
