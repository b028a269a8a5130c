package io.vodflow.ingress.http;

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
import io.vodflow.kit.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** VOD's push endpoint: body bytes in, 200 once the callback is durable (Kafka ack, or the fallback store). */
@Component
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

    /** Keeps one callback durably; path variables {@code first} and {@code second} as in {@link CallbackRoutes}. */
    public Mono<ServerResponse> receive(ServerRequest serverRequest) {
        Map<String, String> vars = serverRequest.pathVariables();
        String first = vars.get("first");
        String second = vars.get("second");
        ServerHttpRequest request = serverRequest.exchange().getRequest();
        long receivedAt = clock.millis();
        long arrival = System.nanoTime();
        return Mono.defer(() -> {
            String subAppId = paths.subAppId(first, second);
            return bodies.read(request).flatMap(body -> {
                CallbackRouting routing = records.route(body);
                if (signatures.check(SignatureFields.locate(routing, request.getHeaders(), request.getQueryParams()))
                        == CallbackSignaturePolicy.SignedWith.PREVIOUS_KEY) {
                    metrics.signedWithPreviousKey();
                }
                return intake.accept(CallbackRecordFactory.record(routing, body, receivedAt, CallbackSource.PUSH, subAppId),
                        Duration.ofNanos(System.nanoTime() - arrival));
            });
        }).flatMap(this::answer)
                .doOnError(CallbackRejection.class, e -> metrics.rejected(e.reason()))
                .onErrorMap(FallbackUnavailableException.class, e -> unavailable());
    }

    private Mono<ServerResponse> answer(Durability durability) {
        switch (durability) {
            case KAFKA -> metrics.accepted();
            case FALLBACK -> metrics.fallback();
            case FALLBACK_REFUSED_BY_KAFKA -> metrics.refusedByKafka();
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(durability == Durability.KAFKA ? DURABLE_IN_KAFKA : DURABLE_IN_FALLBACK);
    }

    private ErrorResponseException unavailable() {
        metrics.unavailable();
        ErrorResponseException e = ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "Callback not stored",
                "Neither Kafka nor the fallback store can keep the callback right now");
        e.getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        return e;
    }
}
