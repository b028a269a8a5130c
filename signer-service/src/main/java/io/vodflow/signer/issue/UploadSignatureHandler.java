package io.vodflow.signer.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
public class UploadSignatureHandler {
    private static final String NOT_FOUND = "No signature with this id that the caller may see (a malformed id included)";
    private static final String DATABASE_UNAVAILABLE = "The database is unavailable";
    private final SignatureRecords records;

    public UploadSignatureHandler(SignatureRecords records) {
        this.records = records;
    }

    @Operation(summary = "Show one of your signatures (admins see all)", responses = {
            @ApiResponse(responseCode = "200", description = "The signature record, its state as of now"),
            @ApiResponse(responseCode = "404", description = NOT_FOUND),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @GetMapping("/{id}")
    public Mono<SignatureRecord> show(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") String id) {
        return parse(id).flatMap(uuid -> records.show(CurrentUser.from(jwt), uuid));
    }

    @Operation(summary = "Revoke an unused signature", responses = {
            @ApiResponse(responseCode = "204", description = "Revoked, or already revoked"),
            @ApiResponse(responseCode = "404", description = NOT_FOUND),
            @ApiResponse(responseCode = "409", description = "Used or expired, so no longer revocable; state names which"),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
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
