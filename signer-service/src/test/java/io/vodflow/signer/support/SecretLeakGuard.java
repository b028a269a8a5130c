package io.vodflow.signer.support;

import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

import java.util.List;

/** A client filter that fails the test when a response (headers or body) carries any of the given secrets. */
public final class SecretLeakGuard {
    private SecretLeakGuard() { }

    public static ExchangeFilterFunction failOnAny(List<String> secrets) {
        return ExchangeFilterFunction.ofResponseProcessor(response -> response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(body -> {
                    String headers = response.headers().asHttpHeaders().toString();
                    for (String secret : secrets) {
                        if (body.contains(secret) || headers.contains(secret)) {
                            throw new AssertionError("a secret appeared in the response to a signer request");
                        }
                    }
                    return response.mutate().body(body).build();
                })
                .cast(ClientResponse.class)
                .switchIfEmpty(Mono.just(response)));
    }
}
