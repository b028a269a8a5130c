package io.vodflow.processor.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vodflow.kit.page.ListPage;
import io.vodflow.kit.page.PageRequest;
import io.vodflow.kit.security.AdminRequired;
import io.vodflow.kit.security.CurrentUser;
import io.vodflow.processor.config.ProcessorProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Query API: one media, the caller's media, one task. Users see their own; the admin role sees all. */
@RestController
public class MediaQueryHandler {
    /** Also the admin listing's: the same paging rules. */
    public static final String BAD_PAGE = "page or size not a decimal integer, or out of range (page >= 0, size 1 to the"
            + " maximum), or a cursor that is not a nextCursor of this list or sent with a page";
    /** The cursor parameter of every media list. */
    public static final String CURSOR = "nextCursor of the page before: continues after its last item, stable while"
            + " media are added (page must then be 0)";
    public static final String DATABASE_UNAVAILABLE = "The database is unavailable";
    private final MediaQueryRepository media;
    private final TaskQueryRepository tasks;
    private final ProcessorProperties props;
    private final PlaybackUrls playback;

    public MediaQueryHandler(MediaQueryRepository media, TaskQueryRepository tasks, ProcessorProperties props,
                             PlaybackUrls playback) {
        this.media = media;
        this.tasks = tasks;
        this.props = props;
        this.playback = playback;
    }

    @Operation(summary = "One media: owner, status, task status, renditions and cover", responses = {
            @ApiResponse(responseCode = "200", description = "The media"),
            @ApiResponse(responseCode = "404", description = "No such media, or not the caller's"),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @GetMapping("/v1/media/{fileId}")
    public Mono<MediaView> media(@PathVariable String fileId, @AuthenticationPrincipal Jwt jwt) {
        CurrentUser user = CurrentUser.from(jwt);
        return media.find(fileId)
                .filter(v -> user.maySee(v.userId()))
                .map(playback::sign)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("media", fileId)));
    }

    @Operation(summary = "The caller's media, newest first", responses = {
            @ApiResponse(responseCode = "200", description = "One page"),
            @ApiResponse(responseCode = "400", description = BAD_PAGE),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @GetMapping("/v1/users/me/media")
    public Mono<ListPage<MediaView>> myMedia(@RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size,
                                             @Parameter(description = CURSOR) @RequestParam(required = false) String cursor,
                                             @AuthenticationPrincipal Jwt jwt) {
        return pageOf(CurrentUser.from(jwt).userId(), page, size, cursor);
    }

    @Operation(summary = "One user's media, newest first (admins, or the user itself)", responses = {
            @ApiResponse(responseCode = "200", description = "One page"),
            @ApiResponse(responseCode = "400", description = BAD_PAGE),
            @ApiResponse(responseCode = "403", description = "Another user's media, and the caller is not an admin"),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @GetMapping("/v1/users/{userId}/media")
    public Mono<ListPage<MediaView>> usersMedia(@PathVariable String userId, @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "20") int size,
                                                @Parameter(description = CURSOR) @RequestParam(required = false) String cursor,
                                                @AuthenticationPrincipal Jwt jwt) {
        AdminRequired.checkMaySee(jwt, userId, "Listing another user's media");
        return pageOf(userId, page, size, cursor);
    }

    private Mono<ListPage<MediaView>> pageOf(String userId, int page, int size, String cursor) {
        return Mono.fromCallable(() -> PageRequest.of(page, size, cursor, props.maxPageSize()))
                .flatMap(request -> media.page(userId, request).map(rows -> ListPage.of(
                        rows.stream().map(playback::sign).toList(), request, MediaQueryRepository::position)));
    }

    @Operation(summary = "One task flow with its subtask results and errors", responses = {
            @ApiResponse(responseCode = "200", description = "The task flow"),
            @ApiResponse(responseCode = "404", description = "No such task, or not of the caller's media"),
            @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)})
    @GetMapping("/v1/tasks/{taskId}")
    public Mono<TaskView> task(@PathVariable String taskId, @AuthenticationPrincipal Jwt jwt) {
        CurrentUser user = CurrentUser.from(jwt);
        return tasks.find(taskId)
                .filter(o -> user.maySee(o.ownerId()))
                .map(TaskQueryRepository.OwnedTask::task)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("task", taskId)));
    }
}
