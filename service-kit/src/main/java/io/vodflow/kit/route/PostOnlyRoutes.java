package io.vodflow.kit.route;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Set;

/**
 * Functional routes for paths that only take POST. Other methods on those paths get 405 (as an annotated mapping
 * would answer), not the 404 a functional route leaves behind; both become problem JSON.
 */
public final class PostOnlyRoutes {
    private PostOnlyRoutes() { }

    /** POST on each pattern goes to {@code handler}; any other method on them is 405. */
    public static RouterFunction<ServerResponse> of(HandlerFunction<ServerResponse> handler, String... patterns) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        Arrays.stream(patterns).forEach(p -> routes.POST(p, handler));
        RequestPredicate anyOf = Arrays.stream(patterns).map(RequestPredicates::path).reduce(RequestPredicate::or).orElseThrow();
        return routes.route(anyOf, request -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST))))
                .build();
    }
}
