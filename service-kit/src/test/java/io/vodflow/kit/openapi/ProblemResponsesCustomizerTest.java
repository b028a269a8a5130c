package io.vodflow.kit.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesCustomizerTest {

    @Test
    void errorAnswersGetTheSharedProblemBodyAndTheCommonCodes() {
        Operation get = operation().responses(new ApiResponses()
                .addApiResponse("200", json("Found"))
                .addApiResponse("404", json("Not found"))
                .addApiResponse("429", new ApiResponse().description("Slow down")));
        Operation post = operation().requestBody(new RequestBody()).responses(new ApiResponses()
                .addApiResponse("201", json("Created")).addApiResponse("400", new ApiResponse().description("Bad field")));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/things/{id}", new PathItem().get(get).post(post)));

        new ProblemResponsesCustomizer(Map.of("rule", "the broken rule")).customise(api);

        Schema<?> problem = api.getComponents().getSchemas().get(ProblemSchema.NAME);
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "instance", "rule");
        assertThat(get.getResponses()).containsOnlyKeys("200", "400", "404", "429");
        assertThat(get.getResponses().keySet()).containsExactly("200", "400", "404", "429");
        assertThat(get.getResponses().get("404").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(get.getResponses().get("404").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(get.getResponses().get("200").getContent()).containsOnlyKeys("application/json");
        assertThat(get.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(post.getResponses()).containsOnlyKeys("201", "400", "413");
        assertThat(post.getResponses().get("400").getDescription()).isEqualTo("Bad field");
        // OpenAPI 3.1, as springdoc serves it, spells the types out
        assertThat(Json31.pretty(api)).containsPattern("\"Problem\" : \\{\\s*\"type\" : \"object\"")
                .containsPattern("\"Retry-After\" : \\{[^}]*\"type\" : \"integer\"");
    }

    private static Operation operation() {
        return new Operation();
    }

    private static ApiResponse json(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Thing"))));
    }
}
