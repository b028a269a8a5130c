package io.vodflow.signer.support;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leak guard of the IT suite must really fail on a leak, or the suite's "no secret" check proves nothing. */
class SecretLeakGuardTest {
    private static final ClientRequest REQUEST = ClientRequest.create(org.springframework.http.HttpMethod.GET, URI.create("http://x/")).build();

    @Test
    void responseBodyCarryingASecretFails() {
        ClientResponse leaking = ClientResponse.create(HttpStatus.OK).body("{\"k\":\"s3cr3t-value\"}").build();
        assertThatThrownBy(() -> SecretLeakGuard.failOnAny(List.of("s3cr3t-value")).filter(REQUEST, r -> Mono.just(leaking)).block())
                .hasRootCauseInstanceOf(AssertionError.class);
    }

    @Test
    void headerCarryingASecretFails() {
        ClientResponse leaking = ClientResponse.create(HttpStatus.OK).header("X-Debug", "s3cr3t-value").build();
        assertThatThrownBy(() -> SecretLeakGuard.failOnAny(List.of("s3cr3t-value")).filter(REQUEST, r -> Mono.just(leaking)).block())
                .hasRootCauseInstanceOf(AssertionError.class);
    }

    @Test
    void cleanResponsePassesWithItsBodyIntact() {
        ClientResponse clean = ClientResponse.create(HttpStatus.OK).body("hello").build();
        ClientResponse passed = SecretLeakGuard.failOnAny(List.of("s3cr3t-value")).filter(REQUEST, r -> Mono.just(clean)).block();
        assertThat(passed.bodyToMono(String.class).block()).isEqualTo("hello");
    }
}
