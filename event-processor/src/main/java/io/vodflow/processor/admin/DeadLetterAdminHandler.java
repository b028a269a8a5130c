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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;

/** POST /v1/admin/dlt/replay (admin role): moves dead letters back to vod.callbacks, one replay at a time. */
@RestController
public class DeadLetterAdminHandler {
    private final DeadLetterReplayer replayer;
    private final ProcessorProperties props;
    private final AtomicBoolean busy = new AtomicBoolean();

    public DeadLetterAdminHandler(DeadLetterReplayer replayer, ProcessorProperties props) {
        this.replayer = replayer;
        this.props = props;
    }

    /** The number of records replayed. */
    public record ReplayResult(int replayed) { }

    @Operation(summary = "Replay vod.callbacks.DLT into vod.callbacks (admin)", responses = {
            @ApiResponse(responseCode = "200", description = "How many records were replayed"),
            @ApiResponse(responseCode = "400", description = "max not a decimal integer between 1 and the configured maximum"),
            @ApiResponse(responseCode = "403", description = "The caller is not an admin"),
            @ApiResponse(responseCode = "409", description = "Another replay is running")})
    @PostMapping("/v1/admin/dlt/replay")
    public Mono<ReplayResult> replay(@RequestParam(required = false) Integer max, @AuthenticationPrincipal Jwt jwt) {
        AdminRequired.check(jwt, "Replaying dead letters");
        int limit = max == null ? props.dltReplayMax() : max;
        if (limit < 1 || limit > props.dltReplayMax()) {
            return Mono.error(ProblemException.of(HttpStatus.BAD_REQUEST, "Invalid max",
                    "max must be between 1 and " + props.dltReplayMax()));
        }
        if (!busy.compareAndSet(false, true)) {
            return Mono.error(ProblemException.of(HttpStatus.CONFLICT, "Replay running",
                    "Another replay is running; try again when it ends"));
        }
        return replayer.replay(limit).map(ReplayResult::new).doFinally(s -> busy.set(false));
    }
}
