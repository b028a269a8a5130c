package io.vodflow.signer.limit;

import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-time cap (3 here) is exact when a user's requests arrive all at once, not only one after another. */
class OneTimeCapRaceIT extends SignerITSupport {

    @Test
    void fortyConcurrentOneTimeRequestsGiveExactlyTheCapAndTheRest429() {
        String user = newUser();
        String token = tokenFor(user);
        ConnectionProvider pool = ConnectionProvider.builder("one-time-race").maxConnections(40).build();
        List<Integer> statuses;
        try {
            WebClient web = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).responseTimeout(Duration.ofSeconds(30))))
                    .build();
            statuses = Flux.range(0, 40)
                    .flatMap(i -> web.post().uri(PATH).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"oneTime\":true}").exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 40)
                    .collectList().block(Duration.ofSeconds(60));
        } finally {
            pool.dispose();
        }

        assertThat(statuses).hasSize(40).containsOnly(201, 429);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ? AND one_time AND state = 'ISSUED'", user)).hasSize(3);
        // reusable signatures are not held back by the cap
        assertThat(issue(user, "{\"oneTime\":false}").get("id").asText()).isNotEmpty();
    }
}
