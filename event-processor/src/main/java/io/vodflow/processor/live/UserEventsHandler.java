package io.vodflow.processor.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.vodflow.kit.security.CurrentUser;
import io.vodflow.processor.config.ProcessorProperties;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** GET /v1/users/me/events: the caller's media status changes as Server-Sent Events (admins: everyone's). */
@RestController
public class UserEventsHandler {
    static final String RESET = "reset";
    /** How soon an EventSource reconnects after its stream ended. */
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final Duration LONGEST_TIMED_STREAM = Duration.ofDays(365L * 100);
    private static final ServerSentEvent<Object> END = ServerSentEvent.builder().comment("end").build();
    private static final Map<String, String> RESET_DATA = Map.of("reason",
            "the events after Last-Event-ID are no longer held; read GET /v1/users/me/media again");
    private final MediaEventStream stream;
    private final ProcessorProperties props;
    private final Clock clock;

    public UserEventsHandler(MediaEventStream stream, ProcessorProperties props, Clock clock) {
        this.stream = stream;
        this.props = props;
        this.clock = clock;
    }

    @Operation(summary = "Live status changes of the caller's media (text/event-stream)",
            description = "Each event has id = eventId and event = its type. Reconnecting with Last-Event-ID first "
                    + "delivers the caller's events missed since then, or a 'reset' event when they are no longer held. "
                    + "A client that reads too slowly to keep up has its stream ended; it reconnects with Last-Event-ID. "
                    + "The stream also ends when the token expires: reconnect with a fresh one and Last-Event-ID.")
    @GetMapping(path = "/v1/users/me/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> events(@AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "id of the last event received, to resume after it")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        CurrentUser user = CurrentUser.from(jwt);
        String resumeAfter = lastEventId == null || lastEventId.isBlank() ? null : lastEventId.trim();
        Flux<ServerSentEvent<Object>> events = stream.events(resumeAfter)
                .filter(item -> !(item instanceof LiveItem.Event e) || user.admin()
                        || Objects.equals(user.userId(), e.event().userId()))
                .map(UserEventsHandler::toSse)
                // the events end only when the client fell too far behind: the heartbeat must not keep it open
                .concatWith(Mono.just(END));
        Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(props.sseHeartbeat()).onBackpressureDrop()
                .map(t -> ServerSentEvent.builder().comment("keep-alive").build());
        // the opening comment flushes the response headers, so clients know the stream is live
        Flux<ServerSentEvent<Object>> stream = Flux.concat(Flux.just(ServerSentEvent.builder().comment("connected")
                .retry(RECONNECT).build()), Flux.merge(events, heartbeat).takeWhile(e -> e != END));
        if (jwt.getExpiresAt() == null) {
            return stream;
        }
        Duration left = untilExpiry(jwt.getExpiresAt());
        // past ~292 years a Duration no longer fits the scheduler's nanoseconds: such a token never ends the stream
        return left.compareTo(LONGEST_TIMED_STREAM) > 0 ? stream : stream.take(left);
    }

    /** The token was checked once, when the stream opened: it must not keep showing events after its exp. */
    private Duration untilExpiry(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static ServerSentEvent<Object> toSse(LiveItem item) {
        if (item instanceof LiveItem.Event e) {
            return ServerSentEvent.<Object>builder(e.event()).id(e.event().eventId()).event(e.event().type()).build();
        }
        return ServerSentEvent.<Object>builder(RESET_DATA).event(RESET).build();
    }
}
