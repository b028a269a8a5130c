package io.vodflow.emulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * One TC3 API exchange: verify, dispatch on {@code X-TC-Action}, wrap the answer in {@code {"Response":{…,
 * "RequestId"}}}. Errors are TC3 error envelopes with HTTP 200, as Tencent answers them (its SDK treats any
 * other status as a transport failure).
 */
final class ApiRequestHandler {

    static final String API_VERSION = "2018-07-17";
    private static final Logger log = LoggerFactory.getLogger(ApiRequestHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Tc3Authenticator authenticator;
    private final Map<String, ApiAction> actions;
    private final ActionRateLimiter limiter;
    private final Clock clock;

    ApiRequestHandler(Tc3Authenticator authenticator, Map<String, ApiAction> actions, ActionRateLimiter limiter,
                      Clock clock) {
        this.authenticator = authenticator;
        this.actions = Map.copyOf(actions);
        this.limiter = limiter;
        this.clock = clock;
    }

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String requestId = UUID.randomUUID().toString();
        String action = request.requestHeaders().get("X-TC-Action", "");
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .flatMap(body -> dispatch(request, action, body))
                .onErrorMap(e -> !(e instanceof VodApiError), e -> {
                    log.warn("VOD API emulator failed on action={}", action, e);
                    return new VodApiError(VodApiError.INTERNAL_ERROR, "Internal error.");
                })
                .map(members -> envelope(members, requestId))
                .onErrorResume(VodApiError.class, e -> {
                    log.debug("VOD API refused action={} code={}", action, e.code());
                    return Mono.just(errorEnvelope(e, requestId));
                })
                .flatMap(json -> response.status(200)
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .header("X-TC-RequestId", requestId)
                        // the server clock, as Tencent's Date header: clients measure their clock skew with it
                        .header(HttpHeaderNames.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                clock.instant().atZone(ZoneOffset.UTC)))
                        .sendByteArray(Mono.just(bytes(json))).then());
    }

    private Mono<ObjectNode> dispatch(HttpServerRequest request, String action, byte[] body) {
        if (!HttpMethod.POST.equals(request.method())) {
            return Mono.error(new VodApiError(VodApiError.UNSUPPORTED_PROTOCOL, "The emulator serves POST only."));
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String query = request.uri().contains("?") ? request.uri().substring(request.uri().indexOf('?') + 1) : "";
        authenticator.authenticate("POST", uri.path(), query, request.requestHeaders(), body);
        String version = request.requestHeaders().get("X-TC-Version");
        if (action.isEmpty() || version == null) {
            return Mono.error(new VodApiError(VodApiError.MISSING_PARAMETER, "X-TC-Action and X-TC-Version are required."));
        }
        if (!API_VERSION.equals(version)) {
            return Mono.error(new VodApiError(VodApiError.NO_SUCH_VERSION, "VOD API version must be " + API_VERSION + "."));
        }
        ApiAction handler = actions.get(action);
        if (handler == null) {
            return Mono.error(new VodApiError(VodApiError.INVALID_ACTION, "Action " + action + " is not served."));
        }
        limiter.acquire(action);
        return handler.handle(params(body));
    }

    private static JsonNode params(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode params = MAPPER.readTree(body);
            if (params != null && params.isObject()) {
                return params;
            }
        } catch (IOException e) {
            // falls through to the parameter error below
        }
        throw new VodApiError(VodApiError.INVALID_PARAMETER, "The request body must be a JSON object.");
    }

    private static ObjectNode envelope(ObjectNode members, String requestId) {
        ObjectNode response = members.put("RequestId", requestId);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("Response", response);
        return root;
    }

    private static ObjectNode errorEnvelope(VodApiError error, String requestId) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("Error").put("Code", error.code()).put("Message", error.getMessage());
        return envelope(response, requestId);
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of plain JSON nodes", e);
        }
    }
}
