package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ConfirmEvents}: removes the events behind 1-16 {@code EventHandles} from the queue. All or nothing: if
 * any handle is unknown, already confirmed or past its redelivery timeout, none is confirmed and the answer is
 * {@link VodApiError#INVALID_EVENT_HANDLE} (VOD's docs only say "a parameter error"; the code is our choice).
 */
final class ConfirmEventsAction implements ApiAction {

    private final EventQueue queue;
    private final Clock clock;

    ConfirmEventsAction(EventQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public Mono<ObjectNode> handle(JsonNode params) {
        return Mono.fromSupplier(() -> {
            List<String> handles = handles(params.get("EventHandles"));
            queue.confirmAll(handles, clock.instant()).ifPresent(bad -> {
                throw new VodApiError(VodApiError.INVALID_EVENT_HANDLE,
                        "EventHandle " + bad + " is unknown, already confirmed or expired.");
            });
            return JsonNodeFactory.instance.objectNode();
        });
    }

    private static List<String> handles(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new VodApiError(VodApiError.MISSING_PARAMETER, "The request is missing EventHandles.");
        }
        if (!node.isArray() || node.isEmpty() || node.size() > PullEventsAction.MAX_EVENTS) {
            throw new VodApiError(VodApiError.INVALID_PARAMETER, "EventHandles must be an array of 1 to 16 strings.");
        }
        List<String> handles = new ArrayList<>();
        for (JsonNode handle : node) {
            if (!handle.isTextual()) {
                throw new VodApiError(VodApiError.INVALID_PARAMETER, "EventHandles must be an array of strings.");
            }
            handles.add(handle.asText());
        }
        return handles;
    }
}
