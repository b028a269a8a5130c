package io.vodflow.signer.issue;

import io.vodflow.signer.support.SecretLeakGuard;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentIssueIT extends SignerITSupport {

    @Test
    void thousandConcurrentRequestsOfOneUserGiveThousandDistinctRowsAndRandoms() {
        String user = newUser();
        String token = tokenFor(user);
        ConnectionProvider pool = ConnectionProvider.builder("concurrent-it").maxConnections(1000)
                .pendingAcquireMaxCount(-1).build();
        try {
            WebClient web = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).responseTimeout(Duration.ofSeconds(60))))
                    .filter(SecretLeakGuard.failOnAny(SECRETS))
                    .build();
            List<Integer> statuses = Flux.range(0, 1000)
                    .flatMap(i -> web.post().uri(PATH).headers(h -> h.setBearerAuth(token))
                            .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 1000)
                    .collectList().block(Duration.ofSeconds(120));
            assertThat(statuses).hasSize(1000).containsOnly(201);
        } finally {
            pool.dispose();
        }
        List<Map<String, Object>> rows = query("SELECT id, random, secret_id, issued_epoch FROM upload_signature WHERE user_id = ?", user);
        assertThat(rows).hasSize(1000);
        Set<Object> ids = new HashSet<>();
        Set<Object> randoms = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.get("id"));
            randoms.add(r.get("random"));
        });
        assertThat(ids).hasSize(1000);
        assertThat(randoms).hasSize(1000);
    }
}
