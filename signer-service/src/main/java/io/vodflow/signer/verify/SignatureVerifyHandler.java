package io.vodflow.signer.verify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vodflow.kit.security.AdminRequired;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /v1/upload-signatures/verify}: the operators' signature checker (admin role only). */
@RestController
@Tag(name = "upload signatures")
public class SignatureVerifyHandler {
    private final SignatureInspector inspector;

    public SignatureVerifyHandler(SignatureInspector inspector) {
        this.inspector = inspector;
    }

    @Operation(summary = "Decode and check a signature (admin)",
            description = "Parameters, key, MAC, contract rules, expiry and our record; like Tencent's web checker.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "What the signature says and which checks it passes"),
                    @ApiResponse(responseCode = "400", description = "Not JSON, or no signature"),
                    @ApiResponse(responseCode = "403", description = "The caller is not an admin"),
                    @ApiResponse(responseCode = "415", description = "A Content-Type other than application/json"),
                    @ApiResponse(responseCode = "503", description = "The database is unavailable")})
    @PostMapping("/v1/upload-signatures/verify")
    public Mono<VerificationReport> verify(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Mono<VerifyRequest> body) {
        AdminRequired.check(jwt, "Verifying signatures");
        return body.flatMap(req -> inspector.inspect(req.signature()));
    }
}
