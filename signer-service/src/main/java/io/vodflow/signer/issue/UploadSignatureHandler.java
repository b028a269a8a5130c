package io.vodflow.signer.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vodflow.kit.security.CurrentUser;
import io.vodflow.signer.record.SignatureNotFoundException;
import io.vodflow.signer.record.SignatureRecord;
import io.vodflow.signer.record.SignatureRecords;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** HTTP API of signature records: show ({@code GET}) and revoke ({@code DELETE}); issuing is {@link IssueSignatureRoute}. */
@RestController
@RequestMapping("/v1/upload-signatures")
@Tag(name = "upload signatures", description = "VOD client-upload signatures for the authenticated user")
@SecurityRequirement(name = "bearer")
public class UploadSignatureHandler {
    private final SignatureRecords records;

    public UploadSignatureHandler(SignatureRecords records) {
        this.records = records;
    }

    @Operation(summary = "Show one of your signatures (admins see all)")
    @GetMapping("/{id}")
    public Mono<SignatureRecord> show(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") String id) {
        return parse(id).flatMap(uuid -> records.show(CurrentUser.from(jwt), uuid));
    }

    @Operation(summary = "Revoke an unused signature", description = "204 when revoked (or already revoked), 409 when used or expired.")
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") String id) {
        return parse(id).flatMap(uuid -> records.revoke(CurrentUser.from(jwt), uuid))
                .then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    /** A malformed id names no signature, so it is a 404 like any unknown id. */
    private static Mono<UUID> parse(String id) {
        try {
            return Mono.just(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Mono.error(new SignatureNotFoundException());
        }
    }
}
