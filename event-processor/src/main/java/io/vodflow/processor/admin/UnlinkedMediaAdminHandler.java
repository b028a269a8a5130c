package io.vodflow.processor.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vodflow.kit.page.ListPage;
import io.vodflow.kit.page.PageRequest;
import io.vodflow.kit.problem.ProblemException;
import io.vodflow.kit.security.AdminRequired;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.query.MediaQueryHandler;
import io.vodflow.processor.query.MediaQueryRepository;
import io.vodflow.processor.query.MediaView;
import io.vodflow.processor.query.PlaybackUrls;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * GET /v1/admin/media (admin role): uploads not linked to a user — a missing or invalid sourceContext
 * (UNATTRIBUTED), a one-time signature claimed by another file (CONFLICT), or no NewFileUpload yet (PENDING) —
 * with the reason, newest first, so operators can find them without SQL.
 */
@RestController
public class UnlinkedMediaAdminHandler {
    private static final List<String> UNLINKED = List.of("UNATTRIBUTED", "CONFLICT", "PENDING");
    private final MediaQueryRepository media;
    private final PlaybackUrls playback;
    private final ProcessorProperties props;

    public UnlinkedMediaAdminHandler(MediaQueryRepository media, PlaybackUrls playback, ProcessorProperties props) {
        this.media = media;
        this.playback = playback;
        this.props = props;
    }

    @Operation(summary = "Media not linked to a user, newest first (admin)", responses = {
            @ApiResponse(responseCode = "200", description = "One page"),
            @ApiResponse(responseCode = "400", description = "An unknown attribution, or " + MediaQueryHandler.BAD_PAGE),
            @ApiResponse(responseCode = "403", description = "The caller is not an admin"),
            @ApiResponse(responseCode = "503", description = MediaQueryHandler.DATABASE_UNAVAILABLE)})
    @GetMapping("/v1/admin/media")
    public Mono<ListPage<MediaView>> unlinked(
            @Parameter(description = "UNATTRIBUTED, CONFLICT or PENDING; all three when absent")
            @RequestParam(required = false) String attribution,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = MediaQueryHandler.CURSOR) @RequestParam(required = false) String cursor,
            @AuthenticationPrincipal Jwt jwt) {
        AdminRequired.check(jwt, "Listing unlinked media");
        List<String> wanted = attribution == null || attribution.isBlank() ? UNLINKED
                : List.of(attribution.trim().toUpperCase(Locale.ROOT));
        if (!UNLINKED.containsAll(wanted)) {
            return Mono.error(ProblemException.of(HttpStatus.BAD_REQUEST, "Invalid attribution",
                    "attribution must be one of " + String.join(", ", UNLINKED)));
        }
        return Mono.fromCallable(() -> PageRequest.of(page, size, cursor, props.maxPageSize()))
                .flatMap(request -> media.pageUnlinked(wanted, request).map(rows -> ListPage.of(
                        rows.stream().map(playback::sign).toList(), request, MediaQueryRepository::position)));
    }
}
