package io.vodflow.kit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.kit.problem.ProblemResponses;
import io.vodflow.kit.problem.ProblemWebExceptionHandler;
import io.vodflow.kit.route.PostOnlyRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.test.web.reactive.server.HttpHandlerConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import java.util.List;

/** Through the security filter chain's firewall to a POST-only route: every other method is the route's 405. */
class AnyMethodFirewallTest {
    private final ProblemResponses problems = new ProblemResponses(new ObjectMapper());
    private final WebTestClient client = client();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DELETE", "TRACE", "FOO"})
    void anyOtherMethodOnAPostOnlyRouteIs405WithAllow(String method) {
        client.method(HttpMethod.valueOf(method)).uri("/v1/things").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(405);
    }

    @Test
    void theFirewallStillRefusesTargetsItDoesNotAllow() {
        client.get().uri("/v1/things/%2e%2e/admin").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("The request target contains characters or segments that are not allowed");
    }

    private WebTestClient client() {
        SecurityConfiguration config = new SecurityConfiguration();
        WebFilterChainProxy security = new WebFilterChainProxy(new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(),
                List.of((exchange, chain) -> chain.filter(exchange))));
        security.setFirewall(config.anyMethodFirewall());
        security.setExchangeRejectedHandler(config.problemExchangeRejectedHandler(problems));
        var routes = PostOnlyRoutes.of(request -> ServerResponse.ok().build(), "/v1/things");
        var http = WebHttpHandlerBuilder.webHandler(RouterFunctions.toWebHandler(routes)).filter(security)
                .exceptionHandler(new ProblemWebExceptionHandler(problems)).build();
        return WebTestClient.bindToServer(new HttpHandlerConnector(http)).build();
    }
}
