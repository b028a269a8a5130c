package io.vodflow.kit.openapi;

import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The one {@code Problem} schema of every error answer: RFC 9457 members plus the service's extension members. */
public final class ProblemSchema {
    /** Component name; responses refer to it as {@code #/components/schemas/Problem}. */
    public static final String NAME = "Problem";
    public static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() { }

    /** The schema; extension members are strings, as every one the services add today is. */
    static Schema<Object> of(Map<String, String> extensionMembers) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", typed("string").format("uri")._default("about:blank")
                .description("URI identifying the problem type; about:blank when the status says it all"));
        properties.put("title", typed("string").description("Short summary of the problem type"));
        properties.put("status", typed("integer").format("int32").description("The HTTP status code of this answer"));
        properties.put("detail", typed("string").description("What was wrong with this request and what is allowed"));
        properties.put("instance", typed("string").format("uri-reference").description("The request path"));
        new TreeMap<>(extensionMembers).forEach((name, description) -> properties.put(name, typed("string").description(description)));
        Schema<Object> problem = typed("object");
        // other members may be added later; clients must ignore those they do not know (RFC 9457 section 3.2)
        return problem.description("RFC 9457 problem details, the body of every 4xx and 5xx answer")
                .properties(properties).required(List.of("status", "title")).additionalProperties(true);
    }

    /** Both spellings of the type: OpenAPI 3.0 writes {@code type}, 3.1 writes {@code types}. */
    static Schema<Object> typed(String type) {
        Schema<Object> s = new Schema<>();
        s.setType(type);
        s.setTypes(Set.of(type));
        return s;
    }
}
