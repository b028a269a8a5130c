package io.vodflow.signer.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.signer.SignerApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real signer on a random 127.0.0.1 port against a real Postgres database, with a policy, two key pairs
 * (primary active) and a fast sweeper. Every response and all captured output are checked for the secrets.
 */
@SpringBootTest(classes = SignerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "vodflow.jwt.secret=" + SignerITSupport.JWT_SECRET,
        "vodflow.signer.keys.primary.secret-id=" + SignerITSupport.PRIMARY_ID,
        "vodflow.signer.keys.primary.secret-key=" + SignerITSupport.PRIMARY_KEY,
        "vodflow.signer.keys.next.secret-id=" + SignerITSupport.NEXT_ID,
        "vodflow.signer.keys.next.secret-key=" + SignerITSupport.NEXT_KEY,
        "vodflow.signer.limits.burst=1000000",
        "vodflow.signer.limits.refill-tokens=1000000",
        "vodflow.signer.limits.max-outstanding-one-time=3",
        "vodflow.signer.policy.allowed-procedures=LongVideoPreset,ShortVideoPreset",
        "vodflow.signer.policy.allowed-class-ids=0,7",
        "vodflow.signer.policy.allowed-regions=ap-chongqing,ap-singapore",
        "vodflow.signer.policy.allowed-sub-apps=1500000001",
        "vodflow.signer.policy.max-ttl=2h",
        "vodflow.signer.sweeper.interval=300ms",
        "vodflow.cors.allowed-origins=" + SignerITSupport.WEB_APP_ORIGIN,
        "logging.level.io.vodflow=DEBUG"})
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
public abstract class SignerITSupport {
    public static final String JWT_SECRET = "it-jwt-secret-7Q2mZr9vXc4bLp8sTn3kWd6hYf1gJa5e-0123456789abcdefghij";
    public static final String PRIMARY_ID = "AKIDitPrimarySecretId000000000000";
    public static final String PRIMARY_KEY = "it-vod-primary-key-H4x9Pq2Lr7Ts";
    public static final String NEXT_ID = "AKIDitNextSecretId0000000000000000";
    public static final String NEXT_KEY = "it-vod-next-key-M3n8Vb5Zc1Xw";
    protected static final List<String> SECRETS = List.of(JWT_SECRET, PRIMARY_KEY, NEXT_KEY);
    protected static final String PATH = "/v1/upload-signatures";
    /** The one origin whose pages may call this signer from a browser. */
    public static final String WEB_APP_ORIGIN = "https://app.example.test";

    protected static final PostgresDatabase DB = VodflowInfra.get().newDatabase("signer");

    @LocalServerPort
    protected int port;
    protected WebTestClient client;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("vodflow.db.url", DB::libpqUrl);
        registry.add("vodflow.db.user", DB::user);
        registry.add("vodflow.db.password", DB::password);
    }

    @BeforeEach
    void bindClient() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .filter(SecretLeakGuard.failOnAny(SECRETS))
                .build();
    }

    @AfterEach
    void noSecretInLogs(CapturedOutput output) {
        for (String secret : SECRETS) {
            assertThat(output.getAll().contains(secret)).as("a secret appeared in the log output").isFalse();
        }
    }

    protected static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    protected static String tokenFor(String user) {
        return DevJwt.mint(JWT_SECRET, user, List.of(), Duration.ofMinutes(10));
    }

    protected static String adminToken() {
        return DevJwt.mint(JWT_SECRET, "admin-" + UUID.randomUUID(), List.of("admin"), Duration.ofMinutes(10));
    }

    /** POSTs a JSON body (or none when null) as {@code user} and returns the exchange for assertions. */
    protected WebTestClient.ResponseSpec post(String user, String json) {
        WebTestClient.RequestBodySpec spec = client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(user)));
        return json == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** Issues a signature for {@code user} and returns the 201 body. */
    protected JsonNode issue(String user, String json) {
        return post(user, json).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The row with this id, column name to value, read over JDBC. */
    protected static Map<String, Object> row(UUID id) {
        return query("SELECT * FROM upload_signature WHERE id = ?", id).get(0);
    }

    protected static List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = DB.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> r = new HashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        r.put(md.getColumnName(i), rs.getObject(i));
                    }
                    rows.add(r);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static int update(String sql, Object... args) {
        try (Connection c = DB.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
