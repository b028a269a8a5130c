package io.vodflow.signer.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vodflow.kit.security.AdminRequired;
import io.vodflow.signer.policy.SignaturePolicyViolation;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The operators' key rotation without a restart: switch the active pair for every signer instance at once (each
 * follows within {@code key-refresh}; the one answering at once). Only pairs already configured can be chosen,
 * so a new pair is added first (configuration and a rolling restart), then switched to here.
 */
@RestController
@Tag(name = "signing keys")
public class SigningKeysHandler {
    private static final Logger log = LoggerFactory.getLogger(SigningKeysHandler.class);
    static final String PATH = "/v1/signing-keys";
    private final SigningKeyRing ring;
    private final KeySwitchRepository switches;

    public SigningKeysHandler(SigningKeyRing ring, KeySwitchRepository switches) {
        this.ring = ring;
        this.switches = switches;
    }

    @Operation(summary = "The signing keys and which one signs (admin)", responses = {
            @ApiResponse(responseCode = "200", description = "Pairs held here (no SecretKey), the active one, the latest switch"),
            @ApiResponse(responseCode = "403", description = "The caller is not an admin"),
            @ApiResponse(responseCode = "503", description = "The database is unavailable")})
    @GetMapping(PATH)
    public Mono<SigningKeysView> keys(@AuthenticationPrincipal Jwt jwt) {
        AdminRequired.check(jwt, "Reading the signing keys");
        return view(switches.latest());
    }

    @Operation(summary = "Switch the active signing key of every instance (admin)", responses = {
            @ApiResponse(responseCode = "200", description = "Switched; this instance signs with it now, the others within key-refresh"),
            @ApiResponse(responseCode = "400", description = "Not JSON, or no keyId"),
            @ApiResponse(responseCode = "403", description = "The caller is not an admin"),
            @ApiResponse(responseCode = "422", description = "No pair with this key id is configured here (rule keys.unknown)"),
            @ApiResponse(responseCode = "503", description = "The database is unavailable; nothing was switched")})
    @PutMapping(PATH + "/active")
    public Mono<SigningKeysView> activate(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Mono<ActiveKeyRequest> body) {
        AdminRequired.check(jwt, "Switching the signing key");
        return body.flatMap(req -> {
            if (ring.byKeyId(req.keyId()).isEmpty()) {
                return Mono.error(new SignaturePolicyViolation("keys.unknown",
                        "No key pair with this keyId is configured; configured: " + ring.all().stream().map(SigningKey::keyId).toList()));
            }
            return record(req.keyId(), jwt.getSubject());
        });
    }

    @Operation(summary = "Hand the choice back to each instance's configured active key (admin)", responses = {
            @ApiResponse(responseCode = "200", description = "Every instance signs with its VODFLOW_VOD_ACTIVE_KEY again"),
            @ApiResponse(responseCode = "403", description = "The caller is not an admin"),
            @ApiResponse(responseCode = "503", description = "The database is unavailable; nothing was switched")})
    @DeleteMapping(PATH + "/active")
    public Mono<SigningKeysView> reset(@AuthenticationPrincipal Jwt jwt) {
        AdminRequired.check(jwt, "Switching the signing key");
        return record(null, jwt.getSubject());
    }

    private Mono<SigningKeysView> record(String keyId, String by) {
        Mono<KeySwitch> appended = switches.append(keyId, by).doOnNext(s -> {
            ring.follow(s);
            log.atInfo().addKeyValue("keyId", keyId == null ? "(configured)" : keyId).addKeyValue("switchedBy", by)
                    .log("active signing key switch recorded");
        });
        return view(appended);
    }

    private Mono<SigningKeysView> view(Mono<KeySwitch> latest) {
        return latest.map(s -> SigningKeysView.of(ring, s)).switchIfEmpty(Mono.fromSupplier(() -> SigningKeysView.of(ring, null)));
    }
}
