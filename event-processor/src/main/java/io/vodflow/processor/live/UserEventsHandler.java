package io.vodflow.processor.live;

import io.swagger.v3.oas.annotations.Operation;
import io.vodflow.kit.security.CurrentUser;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.outbox.MediaEvent;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.util.Objects;

/** GET /v1/users/me/events: the caller's media status changes as Server-Sent Events (admins: everyone's). */
@RestController
public class UserEventsHandler {
    private final MediaEventStream stream;
    private final ProcessorProperties props;

    public UserEventsHandler(MediaEventStream stream, ProcessorProperties props) {
        this.stream = stream;
        this.props = props;
    }

    @Operation(summary = "Live status changes of the caller's media (text/event-stream)")
    @GetMapping(path = "/v1/users/me/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<MediaEvent>> events(@AuthenticationPrincipal Jwt jwt) {
        CurrentUser user = CurrentUser.from(jwt);
        Flux<ServerSentEvent<MediaEvent>> events = stream.events()
                .filter(e -> user.admin() || Objects.equals(user.userId(), e.userId()))
                .map(e -> ServerSentEvent.builder(e).id(e.eventId()).event(e.type()).build());
        Flux<ServerSentEvent<MediaEvent>> heartbeat = Flux.interval(props.sseHeartbeat()).onBackpressureDrop()
                .map(t -> ServerSentEvent.<MediaEvent>builder().comment("keep-alive").build());
        // the opening comment flushes the response headers, so clients know the stream is live
        return Flux.concat(Flux.just(ServerSentEvent.<MediaEvent>builder().comment("connected").build()),
                Flux.merge(events, heartbeat));
    }
}
