package io.vodflow.kit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A served {@code /v3/api-docs} document, read for the assertions the services' api-docs tests share. */
public final class ApiDocs {
    private static final String PROBLEM_JSON = "application/problem+json";
    private final JsonNode root;

    private ApiDocs(JsonNode root) {
        this.root = root;
    }

    public static ApiDocs parse(String json) {
        try {
            return new ApiDocs(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response codes one operation documents, in order. */
    public Set<String> codes(String path, String method) {
        JsonNode responses = operation(path, method).path("responses");
        assertThat(responses.isObject()).as("responses of %s %s", method, path).isTrue();
        Set<String> codes = new TreeSet<>();
        responses.fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    /** One response of one operation. */
    public JsonNode response(String path, String method, String code) {
        return operation(path, method).path("responses").path(code);
    }

    /** The shared RFC 9457 schema is there, and every 4xx and 5xx of every operation is problem JSON of it. */
    public ApiDocs assertEveryErrorIsAProblem() {
        assertThat(root.at("/components/schemas/Problem/properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail", "instance");
        List<String> errors = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        errors.add(op.getKey() + " " + path.getKey() + " " + r.getKey());
                        assertThat(r.getValue().path("content").fieldNames()).as(errors.get(errors.size() - 1))
                                .toIterable().containsExactly(PROBLEM_JSON);
                        assertThat(r.getValue().at("/content/" + PROBLEM_JSON.replace("/", "~1") + "/schema/$ref").asText())
                                .isEqualTo("#/components/schemas/Problem");
                    }
                })));
        assertThat(errors).as("error answers documented").isNotEmpty();
        return this;
    }

    /** The names of every parameter of every operation. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        root.path("paths").forEach(path -> path.forEach(op -> op.path("parameters").forEach(p -> names.add(p.path("name").asText()))));
        return names;
    }

    /** The properties of the Problem schema, by name. */
    public Map<String, JsonNode> problemProperties() {
        Map<String, JsonNode> properties = new TreeMap<>();
        root.at("/components/schemas/Problem/properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }

    private JsonNode operation(String path, String method) {
        JsonNode op = root.path("paths").path(path).path(method);
        assertThat(op.isObject()).as("%s %s is documented", method, path).isTrue();
        return op;
    }
}
