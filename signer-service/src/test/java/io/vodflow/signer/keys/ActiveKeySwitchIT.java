package io.vodflow.signer.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.signer.SignerApplication;
import io.vodflow.signer.support.IndependentSignatureDecoder;
import io.vodflow.signer.support.SecretLeakGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.vodflow.signer.support.SignerITSupport.JWT_SECRET;
import static io.vodflow.signer.support.SignerITSupport.NEXT_ID;
import static io.vodflow.signer.support.SignerITSupport.NEXT_KEY;
import static io.vodflow.signer.support.SignerITSupport.PRIMARY_ID;
import static io.vodflow.signer.support.SignerITSupport.PRIMARY_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Key rotation without a restart: several signer instances on one database follow a switch made through any of
 * them, a later instance starts on it, an instance without the chosen pair signs on with its own, and the switch
 * can be handed back to the configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActiveKeySwitchIT {
    private static final List<String> SECRETS = List.of(JWT_SECRET, PRIMARY_KEY, NEXT_KEY);
    private static final String KEYS = "/v1/signing-keys";
    private static PostgresDatabase db;
    private static final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    @BeforeAll
    static void database() {
        db = VodflowInfra.get().newDatabase("keyswitch");
    }

    @AfterAll
    static void stop() {
        apps.forEach(ConfigurableApplicationContext::close);
    }

    @AfterEach
    void noSecretInLogs(CapturedOutput output) {
        SECRETS.forEach(secret -> assertThat(output.getAll().contains(secret)).as("a secret appeared in the log output").isFalse());
    }

    @Test
    void aSwitchReachesEveryInstanceSurvivesARestartAndCanBeHandedBack(CapturedOutput output) {
        WebTestClient a = start(true);
        WebTestClient b = start(true);
        WebTestClient withoutNext = start(false);
        assertThat(secretIdSignedBy(a)).isEqualTo(PRIMARY_ID);

        String admin = "ops-" + UUID.randomUUID();
        a.put().uri(KEYS + "/active").headers(h -> h.setBearerAuth(token(admin, "admin"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"keyId\":\"next\"}").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.activeKeyId").isEqualTo("next").jsonPath("$.configuredKeyId").isEqualTo("primary")
                .jsonPath("$.lastSwitch.keyId").isEqualTo("next").jsonPath("$.lastSwitch.switchedBy").isEqualTo(admin)
                .jsonPath("$.keys[?(@.keyId == 'next')].active").isEqualTo(true)
                .jsonPath("$.keys[?(@.keyId == 'primary')].secretId").isEqualTo(PRIMARY_ID);
        // the instance that took the switch signs with the new pair at once, the others within key-refresh
        assertThat(secretIdSignedBy(a)).isEqualTo(NEXT_ID);
        await().atMost(Duration.ofSeconds(10)).until(() -> NEXT_ID.equals(secretIdSignedBy(b)));
        WebTestClient later = start(true);
        assertThat(secretIdSignedBy(later)).as("an instance started after the switch").isEqualTo(NEXT_ID);
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("this instance does not hold"));
        assertThat(secretIdSignedBy(withoutNext)).as("an instance without the chosen pair").isEqualTo(PRIMARY_ID);

        b.delete().uri(KEYS + "/active").headers(h -> h.setBearerAuth(token(admin, "admin"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.activeKeyId").isEqualTo("primary")
                .jsonPath("$.lastSwitch.keyId").doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> PRIMARY_ID.equals(secretIdSignedBy(a)) && PRIMARY_ID.equals(secretIdSignedBy(later)));
        assertThat(switchesRecorded()).containsExactly("next by " + admin, "(configured) by " + admin);
    }

    @Test
    void onlyAnAdminMaySwitchAndOnlyToAConfiguredPair() {
        WebTestClient a = start(true);
        String user = token("user-" + UUID.randomUUID());
        a.get().uri(KEYS).headers(h -> h.setBearerAuth(user)).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        a.put().uri(KEYS + "/active").headers(h -> h.setBearerAuth(user)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"keyId\":\"next\"}").exchange().expectStatus().isForbidden();
        a.delete().uri(KEYS + "/active").headers(h -> h.setBearerAuth(user)).exchange().expectStatus().isForbidden();
        a.put().uri(KEYS + "/active").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"keyId\":\"next\"}").exchange()
                .expectStatus().isUnauthorized();

        String admin = token("ops-" + UUID.randomUUID(), "admin");
        a.put().uri(KEYS + "/active").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"keyId\":\"retired\"}").exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("keys.unknown");
        for (String malformed : List.of("{}", "{\"keyId\":\"\"}", "{\"keyId\":7}", "[\"next\"]", "{\"keyId\":")) {
            a.put().uri(KEYS + "/active").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(malformed).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        a.get().uri(KEYS).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.keys.length()").isEqualTo(2)
                .jsonPath("$.activeKeyId").value(id -> assertThat(id).isIn("primary", "next"));
    }

    private static WebTestClient start(boolean withNextPair) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--vodflow.db.url=" + db.libpqUrl(), "--vodflow.db.user=" + db.user(), "--vodflow.db.password=" + db.password(),
                "--vodflow.jwt.secret=" + JWT_SECRET,
                "--vodflow.signer.keys.primary.secret-id=" + PRIMARY_ID, "--vodflow.signer.keys.primary.secret-key=" + PRIMARY_KEY,
                "--vodflow.signer.key-refresh=200ms", "--vodflow.signer.limits.burst=1000000",
                "--vodflow.signer.limits.refill-tokens=1000000"));
        if (withNextPair) {
            args.add("--vodflow.signer.keys.next.secret-id=" + NEXT_ID);
            args.add("--vodflow.signer.keys.next.secret-key=" + NEXT_KEY);
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SignerApplication.class).run(args.toArray(String[]::new));
        apps.add(app);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .filter(SecretLeakGuard.failOnAny(SECRETS)).build();
    }

    /** Issues a signature and returns the secretId inside it, checking its MAC with the pair that id names. */
    private static String secretIdSignedBy(WebTestClient signer) {
        JsonNode issued = signer.post().uri("/v1/upload-signatures").headers(h -> h.setBearerAuth(token("user-" + UUID.randomUUID())))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String signature = issued.get("signature").asText();
        String secretId = IndependentSignatureDecoder.decode(signature, PRIMARY_KEY).params().get("secretId");
        String key = NEXT_ID.equals(secretId) ? NEXT_KEY : PRIMARY_KEY;
        assertThat(IndependentSignatureDecoder.decode(signature, key).macValid()).as("MAC under the pair of " + secretId).isTrue();
        return secretId;
    }

    private static String token(String subject, String... roles) {
        return DevJwt.mint(JWT_SECRET, subject, List.of(roles), Duration.ofMinutes(10));
    }

    private static List<String> switchesRecorded() {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT coalesce(key_id, '(configured)') || ' by ' || switched_by FROM signing_key_switch ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
