package io.vodflow.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes every error answer of the description what the services really send: problem JSON of the shared
 * {@link ProblemSchema}, with Retry-After on 429 and 503, plus the answers every operation can give (a 400 for a
 * request that cannot be read, a 413 for a body over the limit). Operation-specific codes come from annotations.
 */
public class ProblemResponsesCustomizer implements OpenApiCustomizer {
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private final Map<String, String> extensionMembers;

    public ProblemResponsesCustomizer(Map<String, String> extensionMembers) {
        this.extensionMembers = extensionMembers;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(ProblemSchema.NAME, ProblemSchema.of(extensionMembers));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().stream().map(PathItem::readOperations).flatMap(List::stream).forEach(this::complete);
    }

    private void complete(Operation operation) {
        ApiResponses responses = new ApiResponses();
        if (operation.getResponses() != null) {
            new TreeMap<>(operation.getResponses()).forEach(responses::addApiResponse);
        }
        operation.setResponses(responses);
        // every request passes the URI, header and codec checks of service-kit's problem handling
        putInOrder(responses, "400",
                "Malformed request: the path, query, a header (Content-Type, Accept) or the body cannot be read");
        if (operation.getRequestBody() != null) {
            putInOrder(responses, "413", "The request body is larger than the service accepts");
        }
        responses.forEach(ProblemResponsesCustomizer::problemBody);
    }

    /**
     * Adds an error answer with a problem body unless the operation documents that code itself; codes stay in
     * ascending order. Other customizers add theirs through here, since springdoc applies customizers in no set order.
     */
    static void putInOrder(ApiResponses responses, String code, String description) {
        if (responses.containsKey(code)) {
            return;
        }
        ApiResponse response = new ApiResponse().description(description);
        problemBody(code, response);
        Map<String, ApiResponse> all = new TreeMap<>(responses);
        all.put(code, response);
        responses.clear();
        all.forEach(responses::addApiResponse);
    }

    private static void problemBody(String code, ApiResponse response) {
        if (!isError(code)) {
            return;
        }
        // springdoc gives an error response the operation's success type; the body is a problem, always
        response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(ProblemSchema.REF))));
        if (code.equals("429") || code.equals("503")) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header()
                    .description("Seconds to wait before retrying").schema(ProblemSchema.typed("integer")));
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }
}
