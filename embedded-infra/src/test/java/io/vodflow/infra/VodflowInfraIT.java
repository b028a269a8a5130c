package io.vodflow.infra;

import io.vodflow.infra.kafka.EmbeddedKafkaBroker;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.EmbeddedPostgresServer;
import io.vodflow.infra.postgres.PostgresDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@VodflowIntegrationTest
class VodflowInfraIT {

    @Test
    void localSettingGivesInProcessServers(VodflowInfra infra) {
        assumeTrue("local".equalsIgnoreCase(System.getenv("IT_INFRA")), "run with IT_INFRA=local");

        assertThat(infra.mode()).isEqualTo(InfraMode.LOCAL);
        assertThat(infra.postgres()).isInstanceOf(EmbeddedPostgresServer.class);
        try (KafkaBroker own = infra.newKafkaBroker()) {
            assertThat(own).isInstanceOf(EmbeddedKafkaBroker.class);
        }
    }

    @Test
    void sharedBrokerAcceptsRecordsButRefusesToStop(KafkaBroker kafka) throws Exception {
        kafka.createTopic("shared-it", 1);
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThat(producer.send(new ProducerRecord<>("shared-it", "k", "v")).get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
        }

        assertThat(kafka.isRestartable()).isFalse();
        assertThatThrownBy(kafka::stop).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("newKafkaBroker");
        assertThat(kafka.isRunning()).isTrue();
    }

    @Test
    void privateBrokerHasItsOwnAddress(VodflowInfra infra, KafkaBroker shared) {
        try (KafkaBroker own = infra.newKafkaBroker()) {
            assertThat(own.bootstrapServers()).isNotEqualTo(shared.bootstrapServers());
            assertThat(own.isRestartable()).isTrue();
        }
    }

    @Test
    void injectedDatabaseAcceptsTheOwnersLogin(PostgresDatabase db) throws Exception {
        try (Connection connection = db.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT current_user, current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(db.user());
            assertThat(rows.getString(2)).isEqualTo(db.database()).startsWith("vodflowinfrait_");
        }
    }

    @Test
    void migratedDatabaseHasTheSchemaModulesTables(VodflowInfra infra) throws Exception {
        PostgresDatabase db = infra.newMigratedDatabase();

        try (Connection connection = db.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rows.next();
            assertThat(rows.getInt(1)).isPositive();
        }
    }

    @Test
    void springPropertiesAndServiceEnvironmentNameTheSameDatabaseAndBroker(PostgresDatabase db, KafkaBroker kafka) {
        Map<String, Object> properties = new HashMap<>();
        VodflowInfra.register((name, value) -> properties.put(name, value.get()), db, kafka);

        assertThat(properties).containsOnly(
                Map.entry("vodflow.db.url", db.libpqUrl()),
                Map.entry("vodflow.db.user", db.user()),
                Map.entry("vodflow.db.password", db.password()),
                Map.entry("vodflow.kafka.bootstrap", kafka.bootstrapServers()));
        assertThat(VodflowInfra.serviceEnvironment(db, kafka)).containsOnly(
                Map.entry("VODFLOW_DB_URL", db.libpqUrl()),
                Map.entry("VODFLOW_DB_USER", db.user()),
                Map.entry("VODFLOW_DB_PASSWORD", db.password()),
                Map.entry("VODFLOW_KAFKA_BOOTSTRAP", kafka.bootstrapServers()));
        assertThat(db.libpqUrl()).matches("postgresql://127\\.0\\.0\\.1:\\d+/vodflowinfrait_[0-9a-f]{8}");
    }
}
