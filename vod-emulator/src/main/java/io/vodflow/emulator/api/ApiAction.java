package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

/** One VOD API action: the request's JSON parameters in, the {@code Response} members (without RequestId) out. */
interface ApiAction {

    /** Emits the response members, or a {@link VodApiError}. */
    Mono<ObjectNode> handle(JsonNode params);
}
