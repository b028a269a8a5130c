package io.vodflow.cli.doctor;

import io.vodflow.cli.support.CliRun;
import io.vodflow.cli.support.EmulatedVod;
import io.vodflow.cli.support.LocalHttpServer;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.VodflowIntegrationTest;
import io.vodflow.infra.kafka.EmbeddedKafkaBroker;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.kafka.SaslPlainUser;
import io.vodflow.infra.postgres.PostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** doctor's Kafka topic and database migration checks against real embedded Kafka and Postgres. */
@VodflowIntegrationTest
class DoctorInfraIT {

    private static final String URL = "https://vod-callbacks.example.com/v1/vod/callbacks";
    private static final String ONLY_INFRA = "health,vod-key-pair,vod-event-config,sign-key,clock-skew";
    private static KafkaBroker kafka;

    private final EmulatedVod vod = new EmulatedVod();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void privateBroker(VodflowInfra infra) {
        // private, so the topic set and partition counts are this class's alone
        kafka = infra.newKafkaBroker();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        vod.close();
    }

    @Test
    void configuredDeploymentWithTopicsAndMigratedDatabasePassesTheWholeDoctor(VodflowInfra infra) {
        KafkaBroker broker = infra.newKafkaBroker();
        open.add(broker);
        for (String topic : KafkaTopicsCheck.TOPICS) {
            broker.createTopic(topic, 3);
        }
        Map<String, String> env = env(broker, infra.newMigratedDatabase());
        assertThat(CliRun.of(env, "configure-vod", "--callback-url", URL).exitCode()).isZero();
        LocalHttpServer services = LocalHttpServer.healthy();
        open.add(services);

        CliRun run = CliRun.of(env, "doctor", "--signer-url", services.url(), "--ingress-url", services.url(),
                "--processor-url", services.url(), "--callback-url", URL, "--partitions", "3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.line("PASS", "kafka-topics")).contains("vod.callbacks, vod.callbacks.DLT, vod.media.events present with 3 partitions");
        assertThat(run.line("PASS", "db-migrations")).contains("migrated to version");
    }

    @Test
    void missingTopicsThenWrongPartitionCountsAreNamed(VodflowInfra infra) {
        kafka.createTopic(VodTopics.CALLBACKS, 3);
        Map<String, String> env = env(kafka, infra.newMigratedDatabase());

        CliRun missing = CliRun.of(env, "doctor", "--skip", ONLY_INFRA);
        kafka.createTopic(VodTopics.CALLBACKS_DLT, 2);
        kafka.createTopic(VodTopics.MEDIA_EVENTS, 3);
        CliRun wrong = CliRun.of(env, "doctor", "--skip", ONLY_INFRA);

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.line("FAIL", "kafka-topics")).contains("missing topics [vod.callbacks.DLT, vod.media.events]")
                .contains("fix: start event-processor once");
        assertThat(wrong.line("FAIL", "kafka-topics")).contains("vod.callbacks.DLT has 2 partitions, expected 3");
        assertThat(wrong.line("PASS", "db-migrations")).isNotEmpty();
    }

    @Test
    void emptyDatabaseAndFailedMigrationAreNamed(VodflowInfra infra) throws Exception {
        CliRun empty = CliRun.of(env(kafka, infra.newDatabase("empty")), "doctor", "--skip", ONLY_INFRA + ",kafka-topics");
        PostgresDatabase broken = infra.newMigratedDatabase();
        try (Connection c = broken.connect(); Statement s = c.createStatement()) {
            s.execute("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) values (99, '99', 'broken', 'SQL', 'V99__broken.sql', 0, "
                    + "current_user, 0, false)");
        }
        CliRun failed = CliRun.of(env(kafka, broken), "doctor", "--skip", ONLY_INFRA + ",kafka-topics");

        assertThat(empty.line("FAIL", "db-migrations")).contains("has no vodflow schema")
                .contains("fix: start any vodflow service once");
        assertThat(failed.line("FAIL", "db-migrations")).contains("migration 99 (broken) failed");
    }

    @Test
    void unreachableKafkaAndDatabaseAreNamed(VodflowInfra infra) {
        Map<String, String> env = vod.env();
        env.put("VODFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:1");
        env.put("VODFLOW_DB_URL", "postgresql://127.0.0.1:1/vodflow");

        CliRun run = CliRun.of(env, "doctor", "--skip", ONLY_INFRA, "--timeout", "PT3S");

        assertThat(run.line("FAIL", "kafka-topics")).contains("cannot reach Kafka at 127.0.0.1:1")
                .contains("VODFLOW_KAFKA_BOOTSTRAP");
        assertThat(run.line("FAIL", "db-migrations")).contains("cannot read the schema history")
                .contains("VODFLOW_DB_URL");
    }

    @Test
    void aBrokerThatRequiresALoginIsCheckedWithTheServicesKafkaClientVariables(VodflowInfra infra) {
        SaslPlainUser login = new SaslPlainUser("doctor", "doctor-" + System.nanoTime());
        KafkaBroker broker = EmbeddedKafkaBroker.startTemporary(login);
        open.add(broker);
        for (String topic : KafkaTopicsCheck.TOPICS) {
            broker.createTopic(topic, 3);
        }
        Map<String, String> env = env(broker, infra.newMigratedDatabase());
        CliRun anonymous = CliRun.of(env, "doctor", "--skip", ONLY_INFRA + ",db-migrations", "--timeout", "PT3S");
        env.put("VODFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("VODFLOW_KAFKA_CLIENT_SASL_MECHANISM", "PLAIN");
        env.put("VODFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG", login.jaasConfig());
        CliRun loggedIn = CliRun.of(env, "doctor", "--skip", ONLY_INFRA + ",db-migrations");

        assertThat(anonymous.line("FAIL", "kafka-topics")).contains("cannot reach Kafka");
        assertThat(anonymous.toString()).contains("VODFLOW_KAFKA_CLIENT_*");
        assertThat(loggedIn.exitCode()).as(loggedIn.toString()).isZero();
        assertThat(loggedIn.line("PASS", "kafka-topics")).contains("present with 3 partitions");
        assertThat(loggedIn.toString()).doesNotContain(login.password());
    }

    @Test
    void aDatabaseMigratedIntoItsOwnSchemaIsCheckedThere(VodflowInfra infra) {
        PostgresDatabase db = infra.newDatabase("doctor_schema");
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas("vodflow_app")
                .locations("classpath:db/migration").load().migrate();
        Map<String, String> env = env(kafka, db);
        env.put("VODFLOW_DB_URL", db.libpqUrl() + "?currentSchema=vodflow_app");
        CliRun there = CliRun.of(env, "doctor", "--skip", ONLY_INFRA + ",kafka-topics");
        env.put("VODFLOW_DB_URL", db.libpqUrl() + "?currentSchema=not_created_yet");
        CliRun elsewhere = CliRun.of(env, "doctor", "--skip", ONLY_INFRA + ",kafka-topics");

        assertThat(there.line("PASS", "db-migrations")).contains("migrated to version");
        assertThat(elsewhere.line("FAIL", "db-migrations")).contains("has no vodflow schema");
    }

    private Map<String, String> env(KafkaBroker broker, PostgresDatabase db) {
        Map<String, String> env = vod.env();
        env.putAll(VodflowInfra.serviceEnvironment(db, broker));
        env.put("VODFLOW_KAFKA_PARTITIONS", "3");
        return env;
    }
}
