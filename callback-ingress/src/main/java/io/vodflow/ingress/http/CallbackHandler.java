package io.vodflow.ingress.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vodflow.contract.event.CallbackRouting;
import io.vodflow.ingress.IngressProperties;
import io.vodflow.ingress.auth.CallbackPathPolicy;
import io.vodflow.ingress.auth.CallbackSignaturePolicy;
import io.vodflow.ingress.auth.SignatureFields;
import io.vodflow.ingress.intake.CallbackIntake;
import io.vodflow.ingress.intake.Durability;
import io.vodflow.ingress.intake.FallbackUnavailableException;
import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.ingress.publish.CallbackSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** VOD's push endpoint: body bytes in, 200 once the callback is durable (Kafka ack, or the fallback store). */
@RestController
@Tag(name = "VOD callbacks", description = "Event notifications pushed by Tencent Cloud VOD")
public class CallbackHandler {
    private static final byte[] DURABLE_IN_KAFKA = "{\"status\":\"accepted\",\"durableIn\":\"kafka\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DURABLE_IN_FALLBACK = "{\"status\":\"accepted\",\"durableIn\":\"fallback\"}".getBytes(StandardCharsets.UTF_8);

    private final CallbackBodyReader bodies;
    private final CallbackRecordFactory records;
    private final CallbackPathPolicy paths;
    private final CallbackSignaturePolicy signatures;
    private final CallbackIntake intake;
    private final IngressMetrics metrics;
    private final Clock clock;
    private final Duration retryAfter;

    public CallbackHandler(CallbackBodyReader bodies, CallbackRecordFactory records, CallbackPathPolicy paths,
                           CallbackSignaturePolicy signatures, CallbackIntake intake, IngressMetrics metrics,
                           Clock clock, IngressProperties props) {
        this.bodies = bodies;
        this.records = records;
        this.paths = paths;
        this.signatures = signatures;
        this.intake = intake;
        this.metrics = metrics;
        this.clock = clock;
        this.retryAfter = props.retryAfter();
    }

    @Operation(summary = "Receive a VOD event notification (v3 or legacy v2 body of any event type)",
            description = "Answers 200 once the callback is durable. The body goes to Kafka topic vod.callbacks untouched. "
                    + "With a SignKey configured, Sign and T are required as top-level body fields, headers or query parameters (any case).")
    @ApiResponse(responseCode = "200", description = "Durable in Kafka or in the fallback store")
    @ApiResponse(responseCode = "400", description = "Not JSON, not an object, or no event type")
    @ApiResponse(responseCode = "401", description = "Sign/T or the path token missing or wrong")
    @ApiResponse(responseCode = "408", description = "The body did not arrive within the body read timeout")
    @ApiResponse(responseCode = "413", description = "Body over the configured maximum")
    @ApiResponse(responseCode = "429", description = "Too many callbacks in flight; retry after Retry-After")
    @ApiResponse(responseCode = "503", description = "Neither Kafka nor the fallback store can keep the callback")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The VOD event notification, read as raw bytes whatever the content type",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    example = "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"3270835012345678901\"}}")))
    @PostMapping(path = {"/v1/vod/callbacks", "/v1/vod/callbacks/{first}", "/v1/vod/callbacks/{first}/{second}"})
    public Mono<ResponseEntity<byte[]>> receive(
            @Parameter(description = "subAppId, or the path token when one is configured and no subAppId is given")
            @PathVariable(name = "first", required = false) String first,
            @Parameter(description = "the path token, after a subAppId")
            @PathVariable(name = "second", required = false) String second,
            ServerHttpRequest request) {
        long receivedAt = clock.millis();
        return Mono.defer(() -> {
            String subAppId = paths.subAppId(first, second);
            return bodies.read(request).flatMap(body -> {
                CallbackRouting routing = records.route(body);
                signatures.check(SignatureFields.locate(routing, request.getHeaders(), request.getQueryParams()));
                return intake.accept(CallbackRecordFactory.record(routing, body, receivedAt, CallbackSource.PUSH, subAppId));
            });
        }).map(this::answer)
                .doOnError(CallbackRejection.class, e -> metrics.rejected(e.reason()))
                .onErrorMap(FallbackUnavailableException.class, e -> unavailable());
    }

    private ResponseEntity<byte[]> answer(Durability durability) {
        if (durability == Durability.KAFKA) {
            metrics.accepted();
        } else {
            metrics.fallback();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(durability == Durability.KAFKA ? DURABLE_IN_KAFKA : DURABLE_IN_FALLBACK);
    }

    private ErrorResponseException unavailable() {
        metrics.unavailable();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Neither Kafka nor the fallback store can keep the callback right now");
        p.setTitle("Callback not stored");
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, p, null);
        e.getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        return e;
    }
}
