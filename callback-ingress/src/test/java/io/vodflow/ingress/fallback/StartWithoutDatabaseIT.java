package io.vodflow.ingress.fallback;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.infra.postgres.PostgresServer;
import io.vodflow.ingress.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An ingress started while Postgres refuses it takes callbacks into Kafka, and migrates once Postgres lets it in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vodflow.ingress.relay.backlog-refresh=500ms")
@DirtiesContext // its broker goes away after the class
class StartWithoutDatabaseIT {
    static final KafkaBroker BROKER = VodflowInfra.get().newKafkaBroker();
    static final PostgresDatabase DB = VodflowInfra.get().newDatabase("ingress_start_without_db");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws SQLException {
        BROKER.createTopic(VodTopics.CALLBACKS, 1);
        // the database exists but refuses the service's role, as a server still starting or failing over would
        login(false);
        VodflowInfra.register(registry, DB, BROKER);
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void callbacksAreAcknowledgedThroughKafkaAndTheSchemaIsMigratedOncePostgresAnswers() throws Exception {
        http.post().uri("/v1/vod/callbacks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.bytes("v3-new-file-upload.json")).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.components.ingress.details.kafka").isEqualTo("UP")
                .jsonPath("$.components.ingress.details.fallbackStore").isEqualTo("UNREACHABLE"));

        login(true);
        await().atMost(Duration.ofSeconds(90)).until(StartWithoutDatabaseIT::fallbackTableExists);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.components.ingress.details.fallbackStore").isEqualTo("UP"));
    }

    private static void login(boolean allowed) throws SQLException {
        PostgresServer server = VodflowInfra.get().postgres();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres",
                server.superuser(), server.superPassword()); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE \"" + DB.user() + "\" " + (allowed ? "LOGIN" : "NOLOGIN"));
        }
    }

    private static boolean fallbackTableExists() throws SQLException {
        try (Connection c = DB.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('callback_fallback') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
