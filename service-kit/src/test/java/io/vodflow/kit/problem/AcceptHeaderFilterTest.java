package io.vodflow.kit.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.HttpHandlerConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import java.util.Map;

/** On functional routes, which never read Accept themselves: one that does not parse is a 400 problem on every method. */
class AcceptHeaderFilterTest {
    private final WebTestClient client = client();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {";;;", "garbage", "application/json;q=abc", "text/html, /json"})
    void anAcceptHeaderThatDoesNotParseIs400ProblemOnEveryMethod(String accept) {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE}) {
            client.method(method).uri("/v1/things").header("Accept", accept).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Malformed media type");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*/*", "application/json", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    void anAcceptHeaderThatParsesPasses(String accept) {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
            client.method(method).uri("/v1/things").header("Accept", accept).exchange().expectStatus().isOk();
        }
        client.get().uri("/v1/things").exchange().expectStatus().isOk();
    }

    private static WebTestClient client() {
        ProblemResponses problems = new ProblemResponses(new ObjectMapper());
        var routes = RouterFunctions.route().route(request -> true,
                request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("ok", true))).build();
        var http = WebHttpHandlerBuilder.webHandler(RouterFunctions.toWebHandler(routes)).filter(new AcceptHeaderFilter())
                .exceptionHandler(new ProblemWebExceptionHandler(problems)).build();
        return WebTestClient.bindToServer(new HttpHandlerConnector(http)).build();
    }
}
