package io.vodflow.signer.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vodflow.kit.page.ListPage;
import io.vodflow.kit.page.PageRequest;
import io.vodflow.kit.problem.ProblemException;
import io.vodflow.kit.security.AdminRequired;
import io.vodflow.kit.security.CurrentUser;
import io.vodflow.signer.record.SignatureNotFoundException;
import io.vodflow.signer.record.SignatureRecord;
import io.vodflow.signer.record.SignatureRecords;
import io.vodflow.signer.record.SignatureState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * HTTP API of signature records: show ({@code GET}) and revoke ({@code DELETE}) one, list a user's, newest first,
 * optionally of one state (a client at its one-time cap finds the unused ones to revoke), paged as the processor's
 * media lists are; issuing is {@link IssueSignatureRoute}.
 */
@RestController
@Tag(name = "upload signatures", description = "VOD client-upload signatures for the authenticated user")
public class UploadSignatureHandler {
    private static final String NOT_FOUND = "No signature with this id that the caller may see (a malformed id included)";
    private static final String DATABASE_UNAVAILABLE = "The database is unavailable";
    private static final String PATH = "/v1/upload-signatures";
    private static final int MAX_PAGE_SIZE = 100;
    private static final String BAD_QUERY = "page or size out of range (page >= 0, size 1 to " + MAX_PAGE_SIZE
            + "), a cursor that is not a nextCursor of this list or sent with a page, or state not one of ISSUED, USED,"
            + " EXPIRED, REVOKED";
    private static final String CURSOR = "nextCursor of the page before: continues after its last item, stable while"
            + " signatures are added (page must then be 0)";
    private final SignatureRecords records;

    public UploadSignatureHandler(SignatureRecords records) {
        this.records = records;
    }

    @Operation(summary = "Show one of your signatures (admins see all)", responses = {
            @ApiResponse(responseCode = "200", description = "The signature record, its state as of now"),
            @ApiResponse(responseCode = "404", description = NOT_FOUND),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @GetMapping(PATH + "/{id}")
    public Mono<SignatureRecord> show(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") String id) {
        return parse(id).flatMap(uuid -> records.show(CurrentUser.from(jwt), uuid));
    }

    @Operation(summary = "Revoke an unused signature", responses = {
            @ApiResponse(responseCode = "204", description = "Revoked, or already revoked"),
            @ApiResponse(responseCode = "404", description = NOT_FOUND),
            @ApiResponse(responseCode = "409", description = "Used or expired, so no longer revocable; state names which"),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @DeleteMapping(PATH + "/{id}")
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

    @Operation(summary = "Your signatures, newest first", responses = {
            @ApiResponse(responseCode = "200", description = "One page; states as of now"),
            @ApiResponse(responseCode = "400", description = BAD_QUERY),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @GetMapping("/v1/users/me/upload-signatures")
    public Mono<ListPage<SignatureRecord>> mine(@RequestParam(required = false) String state,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "20") int size,
                                                @Parameter(description = CURSOR) @RequestParam(required = false) String cursor,
                                                @AuthenticationPrincipal Jwt jwt) {
        return pageOf(CurrentUser.from(jwt).userId(), state, page, size, cursor);
    }

    @Operation(summary = "One user's signatures, newest first (admins, or the user itself)", responses = {
            @ApiResponse(responseCode = "200", description = "One page; states as of now"),
            @ApiResponse(responseCode = "400", description = BAD_QUERY),
            @ApiResponse(responseCode = "403", description = "Another user's signatures, and the caller is not an admin"),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @GetMapping("/v1/users/{userId}/upload-signatures")
    public Mono<ListPage<SignatureRecord>> usersSignatures(@PathVariable String userId,
                                                           @RequestParam(required = false) String state,
                                                           @RequestParam(defaultValue = "0") int page,
                                                           @RequestParam(defaultValue = "20") int size,
                                                           @Parameter(description = CURSOR) @RequestParam(required = false) String cursor,
                                                           @AuthenticationPrincipal Jwt jwt) {
        AdminRequired.checkMaySee(jwt, userId, "Listing another user's signatures");
        return pageOf(userId, state, page, size, cursor);
    }

    private Mono<ListPage<SignatureRecord>> pageOf(String userId, String state, int page, int size, String cursor) {
        return Mono.fromCallable(() -> PageRequest.of(page, size, cursor, MAX_PAGE_SIZE))
                .flatMap(request -> records.page(userId, parseState(state), request));
    }

    private static SignatureState parseState(String state) {
        if (state == null) {
            return null;
        }
        return Arrays.stream(SignatureState.values()).filter(s -> s.name().equals(state.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> ProblemException.of(HttpStatus.BAD_REQUEST, "Invalid state",
                        "state must be one of ISSUED, USED, EXPIRED, REVOKED"));
    }
}
