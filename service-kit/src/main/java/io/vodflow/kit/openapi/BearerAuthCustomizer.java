package io.vodflow.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/**
 * Marks every operation the JWT filter chain guards (all but its public paths) as needing a bearer JWT, with the
 * 401 the chain answers without one; and the 503 of an unreachable JWKS, when the tokens are checked against one.
 */
public class BearerAuthCustomizer implements OpenApiCustomizer {
    /** Name of the security scheme the operations refer to. */
    public static final String SCHEME = "bearer";
    private final List<PathPattern> publicPaths;
    private final boolean jwks;

    /** The chain's permitAll patterns, and whether tokens are verified against a JWKS. */
    public BearerAuthCustomizer(List<String> publicPatterns, boolean jwks) {
        this.publicPaths = publicPatterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.jwks = jwks;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME,
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (!isPublic(path)) {
                item.readOperations().forEach(this::guard);
            }
        });
    }

    private void guard(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        ProblemResponsesCustomizer.putInOrder(responses, "401",
                "No valid bearer JWT: missing, expired, badly signed, or its sub is not a usable user id");
        if (jwks) {
            String outage = "the token could not be verified because the issuer's keys (JWKS) could not be fetched";
            ApiResponse own = responses.get("503");
            if (own == null) {
                ProblemResponsesCustomizer.putInOrder(responses, "503",
                        Character.toUpperCase(outage.charAt(0)) + outage.substring(1));
            } else if (!own.getDescription().contains(outage)) {
                own.setDescription(own.getDescription() + "; or " + outage);
            }
        }
    }

    /** A template path such as {@code /v1/media/{fileId}} matched as it reads, as the chain matches request paths. */
    private boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(p -> p.matches(container));
    }
}
