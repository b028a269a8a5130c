package io.vodflow.processor.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vodflow.kit.problem.ProblemException;
import io.vodflow.kit.security.AdminRequired;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.kafka.DeadLetterReplayer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;

/** POST /v1/admin/dlt/replay (admin role): moves dead letters back to vod.callbacks, one replay at a time cluster-wide. */
@RestController
public class DeadLetterAdminHandler {
    private final DeadLetterReplayer replayer;
    private final DeadLetterReplayLock lock;
    private final ProcessorProperties props;
    // within one instance a second request is refused without a database round trip
    private final AtomicBoolean busy = new AtomicBoolean();

    public DeadLetterAdminHandler(DeadLetterReplayer replayer, DeadLetterReplayLock lock, ProcessorProperties props) {
        this.replayer = replayer;
        this.lock = lock;
        this.props = props;
    }

    /** The number of records replayed. */
    public record ReplayResult(int replayed) { }

    @Operation(summary = "Replay vod.callbacks.DLT into vod.callbacks (admin)", responses = {
            @ApiResponse(responseCode = "200", description = "How many records were replayed"),
            @ApiResponse(responseCode = "400", description = "max not a decimal integer between 1 and the configured maximum"),
            @ApiResponse(responseCode = "403", description = "The caller is not an admin"),
            @ApiResponse(responseCode = "409", description = "Another replay is running (on this or another instance)"),
            @ApiResponse(responseCode = "503", description = "The database, which serialises replays, is unreachable")})
    @PostMapping("/v1/admin/dlt/replay")
    public Mono<ReplayResult> replay(@RequestParam(required = false) Integer max, @AuthenticationPrincipal Jwt jwt) {
        AdminRequired.check(jwt, "Replaying dead letters");
        int limit = max == null ? props.dltReplayMax() : max;
        if (limit < 1 || limit > props.dltReplayMax()) {
            return Mono.error(ProblemException.of(HttpStatus.BAD_REQUEST, "Invalid max",
                    "max must be between 1 and " + props.dltReplayMax()));
        }
        if (!busy.compareAndSet(false, true)) {
            return Mono.error(running());
        }
        return lock.exclusively(replayer.replay(limit).map(ReplayResult::new), Mono.error(DeadLetterAdminHandler::running))
                .doFinally(s -> busy.set(false));
    }

    private static ErrorResponseException running() {
        return ProblemException.of(HttpStatus.CONFLICT, "Replay running", "Another replay is running; try again when it ends");
    }
}
