package io.vodflow.cli.backfill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.cli.CliFailure;
import io.vodflow.contract.callback.CallbackSignatureVerifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs a callback body to the ingress as VOD would push it: top-level {@code Sign}/{@code T} added when a SignKey is
 * configured (T = now + 600 s, VOD's default). 429/503 are retried after Retry-After; a 401 stops the run, since every
 * later callback would be refused the same way.
 */
final class CallbackPoster {

    private static final long SIGN_VALIDITY_SECONDS = 600;
    private static final int RETRIES = 5;

    private final URI callbackUrl;
    private final String signKey;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    /** @param signKey the ingress's SignKey, or null when the ingress checks none; never printed */
    CallbackPoster(URI callbackUrl, String signKey, Clock clock, Duration timeout) {
        this.callbackUrl = callbackUrl;
        this.signKey = signKey;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Empty when the ingress answered 200; otherwise why it did not take the callback. */
    Optional<String> post(ObjectNode body) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            ObjectNode signed = body.deepCopy();
            if (signKey != null) {
                long t = clock.instant().getEpochSecond() + SIGN_VALIDITY_SECONDS;
                signed.put("Sign", CallbackSignatureVerifier.sign(signKey, t)).put("T", t);
            }
            HttpRequest request = HttpRequest.newBuilder(callbackUrl).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(signed.toString())).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= RETRIES) {
                    return Optional.of("ingress unreachable at " + callbackUrl + " (" + e.getClass().getSimpleName() + ")");
                }
                Thread.sleep(1000L * (attempt + 1));
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return Optional.empty();
            }
            if (status == 401) {
                throw new CliFailure("the ingress refused the callback (401): its SignKey or path token differs from "
                        + "--sign-key/VODFLOW_CALLBACK_SIGN_KEY and --callback-path-token/VODFLOW_CALLBACK_PATH_TOKEN");
            }
            if ((status == 429 || status == 503) && attempt < RETRIES) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, Math.min(seconds, 30)) * 1000);
                continue;
            }
            return Optional.of("ingress answered HTTP " + status);
        }
    }
}
