package io.vodflow.ingress.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PullEvents answer into events, and writes the ConfirmEvents request. Each event's body is the
 * EventSet item without {@code EventHandle}, written compactly: the shape VOD pushes (EventContent without
 * EventHandle and without the members PullEvents sets to null, which push bodies leave out), so the processor sees
 * one format whatever the mode, and redeliveries (new handle, same event) give identical bytes. Decimals are kept
 * exactly as sent.
 */
public final class PullEventsCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** The events of a PullEvents response body; throws {@link VodApiException} for an error answer. */
    public List<PulledEvent> events(String responseBody) {
        JsonNode response = read(responseBody).path("Response");
        JsonNode error = response.path("Error");
        if (error.isObject()) {
            throw new VodApiException(error.path("Code").asText("UnknownError"), error.path("Message").asText(""), null);
        }
        List<PulledEvent> events = new ArrayList<>();
        for (JsonNode item : response.path("EventSet")) {
            if (item instanceof ObjectNode event && event.path("EventHandle").isTextual()) {
                String handle = event.remove("EventHandle").asText();
                withoutNullMembers(event);
                events.add(new PulledEvent(handle, write(event)));
            }
        }
        return events;
    }

    /** Throws {@link VodApiException} when a ConfirmEvents (or any) answer is an error. */
    public void requireSuccess(String responseBody) {
        JsonNode error = read(responseBody).path("Response").path("Error");
        if (error.isObject()) {
            throw new VodApiException(error.path("Code").asText("UnknownError"), error.path("Message").asText(""), null);
        }
    }

    /** The PullEvents request parameters. */
    public String pullRequest(long subAppId) {
        ObjectNode params = JSON.createObjectNode();
        if (subAppId > 0) {
            params.put("SubAppId", subAppId);
        }
        return params.toString();
    }

    /** The ConfirmEvents request parameters. */
    public String confirmRequest(List<String> handles, long subAppId) {
        ObjectNode params = JSON.createObjectNode();
        handles.forEach(params.putArray("EventHandles")::add);
        if (subAppId > 0) {
            params.put("SubAppId", subAppId);
        }
        return params.toString();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new VodApiException("InvalidResponse", "VOD's answer is not JSON", e);
        }
    }

    /** Removes members whose value is null from every object in the tree (array elements stay where they are). */
    private static void withoutNullMembers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(member -> member.getValue().isNull());
        }
        node.forEach(PullEventsCodec::withoutNullMembers);
    }

    private static byte[] write(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed event back", e);
        }
    }
}
