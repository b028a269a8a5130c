package io.vodflow.signer.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vodflow.kit.route.PostOnlyRoutes;
import io.vodflow.kit.security.CurrentUser;
import io.vodflow.signer.policy.SignatureRequest;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * {@code POST /v1/upload-signatures} as a functional route: the hottest endpoint skips the annotated-controller
 * machinery (mapping conditions, argument resolvers, content negotiation), which cost a measurable share of a
 * request here. Errors take the same problem-JSON path as every other endpoint.
 */
@Configuration(proxyBeanMethods = false)
public class IssueSignatureRoute {
    static final String PATH = "/v1/upload-signatures";

    @Bean
    @RouterOperation(path = PATH, method = RequestMethod.POST, produces = MediaType.APPLICATION_JSON_VALUE,
            beanClass = IssueSignatureRoute.class, beanMethod = "issue", operation = @Operation(operationId = "issue",
            tags = "upload signatures", summary = "Issue a signature",
            description = "Every field is optional; an empty body takes the policy defaults. With an Idempotency-Key "
                    + "header (1-128 visible ASCII characters) a retry of the same request by the same user gets the "
                    + "signature first issued for it again (201, Idempotent-Replayed: true, replayed: true), not a new one.",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeyHeader.NAME, required = false,
                    description = "The client's key for this request, so a retry after a lost answer is safe"),
            requestBody = @RequestBody(required = false, content = @Content(schema = @Schema(implementation = SignatureRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Issued and recorded",
                            content = @Content(schema = @Schema(implementation = IssuedSignature.class))),
                    @ApiResponse(responseCode = "400", description = "Not strict JSON of the request fields (a wrong type, "
                            + "a field twice, an unknown field, trailing content), or a malformed Idempotency-Key"),
                    @ApiResponse(responseCode = "409", description = "The signature first issued for this Idempotency-Key "
                            + "is revoked, expired or a used one-time one (rule idempotency.spent, state names which)"),
                    @ApiResponse(responseCode = "415", description = "A Content-Type other than application/json"),
                    @ApiResponse(responseCode = "422", description = "Outside the signing policy; rule names the broken rule "
                            + "(idempotency.reused: the Idempotency-Key was first used for a request with other fields)"),
                    @ApiResponse(responseCode = "429", description = "Rate limited (rule rate-limit), or too many unused "
                            + "one-time signatures held (rule oneTime.outstanding, with nextExpiryAt)"),
                    @ApiResponse(responseCode = "503", description = "The signature could not be recorded (database "
                            + "unavailable) or the signer is saturated; nothing was issued")}))
    RouterFunction<ServerResponse> issueSignatureRoutes(SignatureIssuer issuer) {
        return PostOnlyRoutes.of(request -> issue(issuer, request), PATH);
    }

    /** Issues a signature for the authenticated caller. */
    static Mono<ServerResponse> issue(@Parameter(hidden = true) SignatureIssuer issuer, ServerRequest request) {
        return request.principal().cast(JwtAuthenticationToken.class).map(auth -> CurrentUser.from(auth.getToken()))
                .flatMap(caller -> {
                    String idempotencyKey = IdempotencyKeyHeader.read(request.headers().asHttpHeaders());
                    return request.bodyToMono(SignatureRequest.class).defaultIfEmpty(SignatureRequest.defaults())
                            .flatMap(req -> issuer.issue(caller, req, remoteIp(request), idempotencyKey));
                })
                .flatMap(issued -> ServerResponse.created(URI.create(PATH + "/" + issued.id()))
                        .headers(h -> {
                            if (issued.replayed() != null) {
                                h.set(IdempotencyKeyHeader.REPLAYED, "true");
                            }
                        })
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(issued));
    }

    private static String remoteIp(ServerRequest request) {
        InetSocketAddress remote = request.remoteAddress().orElse(null);
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
