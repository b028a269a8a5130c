package io.vodflow.kit.cors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.kit.problem.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Preflights answered before the chain, CORS headers on allowed requests, refusals as 403 problem JSON. */
class CorsProblemFilterTest {
    private static final String APP = "https://app.example.com";
    private final CorsProblemFilter filter = new CorsProblemFilter(
            new CorsProperties(List.of(APP, "https://*.tenant.example.com"), Duration.ofMinutes(10)),
            new ProblemResponses(new ObjectMapper()));
    private final AtomicBoolean chainCalled = new AtomicBoolean();
    private final WebFilterChain chain = exchange -> {
        chainCalled.set(true);
        return Mono.empty();
    };

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutTheChain() {
        MockServerWebExchange exchange = run(preflight(APP, "POST", "authorization,content-type"));

        assertThat(chainCalled).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders h = exchange.getResponse().getHeaders();
        assertThat(h.getAccessControlAllowOrigin()).isEqualTo(APP);
        assertThat(h.getAccessControlAllowMethods()).contains(HttpMethod.POST);
        assertThat(h.getAccessControlAllowHeaders()).map(String::toLowerCase).contains("authorization", "content-type");
        assertThat(h.getAccessControlMaxAge()).isEqualTo(600);
        assertThat(h.getAccessControlAllowCredentials()).isFalse();
    }

    @Test
    void subdomainPatternMatches() {
        MockServerWebExchange exchange = run(preflight("https://acme.tenant.example.com", "GET", "authorization"));

        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo("https://acme.tenant.example.com");
    }

    @Test
    void preflightFromAnotherOriginIs403Problem() {
        MockServerWebExchange exchange = run(preflight("https://evil.example.net", "POST", "authorization"));

        assertRefused(exchange);
    }

    @Test
    void preflightForAMethodOrHeaderNotAllowedIs403Problem() {
        assertRefused(run(preflight(APP, "PUT", "authorization")));
        chainCalled.set(false);
        assertRefused(run(preflight(APP, "POST", "x-forwarded-user")));
    }

    @Test
    void allowedRequestGoesOnWithCorsHeaders() {
        MockServerWebExchange exchange = run(MockServerHttpRequest.post("http://signer.example.com/v1/upload-signatures")
                .header(HttpHeaders.ORIGIN, APP).header(HttpHeaders.AUTHORIZATION, "Bearer x"));

        assertThat(chainCalled).isTrue();
        HttpHeaders h = exchange.getResponse().getHeaders();
        assertThat(h.getAccessControlAllowOrigin()).isEqualTo(APP);
        assertThat(h.getAccessControlExposeHeaders()).contains(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER);
    }

    @Test
    void requestFromAnotherOriginIs403ProblemAndNeverReachesTheService() {
        assertRefused(run(MockServerHttpRequest.post("http://signer.example.com/v1/upload-signatures")
                .header(HttpHeaders.ORIGIN, "https://evil.example.net")));
    }

    @Test
    void malformedOriginIs403ProblemNotAnError() {
        assertRefused(run(MockServerHttpRequest.post("http://signer.example.com/v1/upload-signatures")
                .header(HttpHeaders.ORIGIN, "http://[not-a-host")));
    }

    @Test
    void sameOriginAndNonApiPathsAreLeftAlone() {
        MockServerWebExchange same = run(MockServerHttpRequest.get("http://processor.example.com/v1/users/me/media")
                .header(HttpHeaders.ORIGIN, "http://processor.example.com"));
        assertThat(chainCalled).isTrue();
        assertThat(same.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();

        chainCalled.set(false);
        MockServerWebExchange health = run(MockServerHttpRequest.get("http://processor.example.com/actuator/health")
                .header(HttpHeaders.ORIGIN, "https://evil.example.net"));
        assertThat(chainCalled).isTrue();
        assertThat(health.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    private static MockServerHttpRequest.BaseBuilder<?> preflight(String origin, String method, String headers) {
        return MockServerHttpRequest.options("http://signer.example.com/v1/upload-signatures")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers);
    }

    private MockServerWebExchange run(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, chain).block(Duration.ofSeconds(5));
        return exchange;
    }

    private void assertRefused(MockServerWebExchange exchange) {
        assertThat(chainCalled).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"status\":403").contains("Cross-origin request refused");
        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
    }
}
