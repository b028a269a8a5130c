package io.vodflow.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BearerAuthCustomizerTest {

    @Test
    void guardedOperationsNeedABearerTokenAndAnswer401WhilePublicOnesDoNot() {
        Operation guarded = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        Operation open = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/v1/media/{fileId}", new PathItem().get(guarded))
                .addPathItem("/status.html", new PathItem().get(open)));

        new BearerAuthCustomizer(List.of("/status.html"), false).customise(api);

        assertThat(api.getComponents().getSecuritySchemes()).containsKey(BearerAuthCustomizer.SCHEME);
        assertThat(guarded.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey(BearerAuthCustomizer.SCHEME));
        assertThat(guarded.getResponses()).containsOnlyKeys("200", "401");
        assertThat(guarded.getResponses().get("401").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(open.getSecurity()).isNull();
        assertThat(open.getResponses()).containsOnlyKeys("200");
    }

    @Test
    void withAJwksAnUnreachableIssuerIsA503OfEveryGuardedOperation() {
        Operation own = new Operation().responses(new ApiResponses().addApiResponse("503", new ApiResponse().description("Store down")));
        Operation plain = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/a", new PathItem().post(own)).addPathItem("/b", new PathItem().get(plain)));
        BearerAuthCustomizer customizer = new BearerAuthCustomizer(List.of(), true);

        customizer.customise(api);
        customizer.customise(api);

        assertThat(own.getResponses().get("503").getDescription()).isEqualTo(
                "Store down; or the token could not be verified because the issuer's keys (JWKS) could not be fetched");
        assertThat(plain.getResponses().get("503").getHeaders()).containsKey("Retry-After");
    }
}
