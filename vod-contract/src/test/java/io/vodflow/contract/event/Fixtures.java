package io.vodflow.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.contract.testing.FixtureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fixture bodies (see {@link FixtureFiles}) and views of them the contract tests need. */
final class Fixtures {

    static final String FILE_ID = FixtureFiles.FILE_ID;
    static final String TASK_ID = FixtureFiles.TASK_ID;
    static final String V2_TASK_ID = "1500000001-procedure-6a7b8c9d0e1f";
    static final String MEDIA_URL =
            "http://1500000001.vod2.myqcloud.com/abcd1234vodcq1500000001/5f2e3270835012345678901/Xy7Qm2.mp4";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() { }

    static byte[] bytes(String name) {
        return FixtureFiles.bytes(name);
    }

    /** Each {@code Response.EventSet} member of the PullEvents fixture, as its own compact JSON body. */
    static List<byte[]> pullEventSetMembers() {
        try {
            List<byte[]> members = new ArrayList<>();
            for (JsonNode member : JSON.readTree(bytes("pull-events-response.json")).path("Response").path("EventSet")) {
                members.add(JSON.writeValueAsBytes(member));
            }
            return members;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The same JSON with every object's keys in reverse order. */
    static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            ObjectNode out = JSON.createObjectNode();
            for (int i = fields.size() - 1; i >= 0; i--) {
                out.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(e -> out.add(reversed(e)));
            return out;
        }
        return node;
    }
}
