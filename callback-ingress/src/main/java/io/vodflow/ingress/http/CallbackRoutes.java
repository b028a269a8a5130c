package io.vodflow.ingress.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vodflow.kit.route.PostOnlyRoutes;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The push endpoint as functional routes: VOD's callbacks are the ingress's hot path, and a route skips the
 * annotated-controller machinery (mapping conditions, argument resolvers, content negotiation) on every call.
 */
@Configuration(proxyBeanMethods = false)
public class CallbackRoutes {
    static final String BASE = "/v1/vod/callbacks";

    // the answers every callback path gives; Java annotations cannot be shared, their texts can
    private static final String DURABLE = "Durable in Kafka or in the fallback store";
    private static final String ACCEPTED = "{\"status\":\"accepted\",\"durableIn\":\"kafka\"}";
    private static final String MALFORMED = "Not JSON, not an object, or no event type";
    private static final String UNAUTHENTICATED = "Sign/T or the path token missing or wrong (when configured)";
    private static final String SLOW_BODY = "The body did not arrive within the body read timeout";
    private static final String TOO_LARGE = "Body over the configured maximum";
    private static final String OVERLOADED = "Too many callbacks in flight; retry after Retry-After";
    private static final String NOT_KEPT = "Neither Kafka nor the fallback store can keep the callback";
    private static final String BAD_SUB_APP = "Not a VOD event (" + MALFORMED + "), or a subAppId that is not a decimal number";

    @Bean
    @RouterOperations({
            @RouterOperation(path = BASE, method = RequestMethod.POST, beanClass = CallbackHandler.class, beanMethod = "receive",
                    operation = @Operation(operationId = "receiveCallback", tags = "VOD callbacks",
                            summary = "Receive a VOD event notification (v3 or legacy v2 body of any event type)",
                            description = "Answers 200 once the callback is durable. The body goes to Kafka topic vod.callbacks "
                                    + "untouched. With a SignKey configured, Sign and T are required as top-level body fields, "
                                    + "headers or query parameters (any case).",
                            requestBody = @RequestBody(description = "The VOD event notification, read as raw bytes whatever the content type",
                                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                                            example = "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"3270835012345678901\"}}"))),
                            responses = {
                                    @ApiResponse(responseCode = "200", description = DURABLE, content = @Content(
                                            mediaType = "application/json", schema = @Schema(type = "object", example = ACCEPTED))),
                                    @ApiResponse(responseCode = "400", description = MALFORMED),
                                    @ApiResponse(responseCode = "401", description = UNAUTHENTICATED),
                                    @ApiResponse(responseCode = "408", description = SLOW_BODY),
                                    @ApiResponse(responseCode = "413", description = TOO_LARGE),
                                    @ApiResponse(responseCode = "429", description = OVERLOADED),
                                    @ApiResponse(responseCode = "503", description = NOT_KEPT)})),
            @RouterOperation(path = BASE + "/{first}", method = RequestMethod.POST, beanClass = CallbackHandler.class, beanMethod = "receive",
                    operation = @Operation(operationId = "receiveCallbackForSubApp", tags = "VOD callbacks",
                            summary = "As POST " + BASE + ", for one subAppId (or with the path token when no subAppId is given)",
                            parameters = @io.swagger.v3.oas.annotations.Parameter(name = "first", in = ParameterIn.PATH,
                                    description = "subAppId, or the path token when one is configured and no subAppId is given"),
                            requestBody = @RequestBody(description = "As for POST " + BASE, content = @Content(mediaType = "application/json")),
                            responses = {
                                    @ApiResponse(responseCode = "200", description = DURABLE, content = @Content(
                                            mediaType = "application/json", schema = @Schema(type = "object", example = ACCEPTED))),
                                    @ApiResponse(responseCode = "400", description = BAD_SUB_APP),
                                    @ApiResponse(responseCode = "401", description = UNAUTHENTICATED),
                                    @ApiResponse(responseCode = "408", description = SLOW_BODY),
                                    @ApiResponse(responseCode = "413", description = TOO_LARGE),
                                    @ApiResponse(responseCode = "429", description = OVERLOADED),
                                    @ApiResponse(responseCode = "503", description = NOT_KEPT)})),
            @RouterOperation(path = BASE + "/{first}/{second}", method = RequestMethod.POST, beanClass = CallbackHandler.class,
                    beanMethod = "receive", operation = @Operation(operationId = "receiveCallbackForSubAppWithToken",
                    tags = "VOD callbacks", summary = "As POST " + BASE + ", for one subAppId followed by the path token",
                    parameters = {
                            @io.swagger.v3.oas.annotations.Parameter(name = "first", in = ParameterIn.PATH, description = "subAppId"),
                            @io.swagger.v3.oas.annotations.Parameter(name = "second", in = ParameterIn.PATH, description = "the path token")},
                    requestBody = @RequestBody(description = "As for POST " + BASE, content = @Content(mediaType = "application/json")),
                    responses = {
                            @ApiResponse(responseCode = "200", description = DURABLE, content = @Content(
                                    mediaType = "application/json", schema = @Schema(type = "object", example = ACCEPTED))),
                            @ApiResponse(responseCode = "400", description = BAD_SUB_APP),
                            @ApiResponse(responseCode = "401", description = UNAUTHENTICATED),
                            @ApiResponse(responseCode = "404", description = "No path token is configured, so there is no second segment"),
                            @ApiResponse(responseCode = "408", description = SLOW_BODY),
                            @ApiResponse(responseCode = "413", description = TOO_LARGE),
                            @ApiResponse(responseCode = "429", description = OVERLOADED),
                            @ApiResponse(responseCode = "503", description = NOT_KEPT)}))})
    RouterFunction<ServerResponse> callbackRouterFunction(CallbackHandler handler) {
        return PostOnlyRoutes.of(handler::receive, BASE, BASE + "/{first}", BASE + "/{first}/{second}");
    }
}
