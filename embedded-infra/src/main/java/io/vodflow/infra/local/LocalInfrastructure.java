package io.vodflow.infra.local;

import io.vodflow.infra.LocalPorts;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.EmbeddedKafkaBroker;
import io.vodflow.infra.postgres.EmbeddedPostgresServer;
import io.vodflow.infra.postgres.PostgresDatabase;

import java.nio.file.Path;
import java.util.Map;

/** Kafka and Postgres for the one-command local run: fixed ports on 127.0.0.1, data kept under one folder between runs. */
public final class LocalInfrastructure implements AutoCloseable {

    /** Database, role and password of the local run (dev defaults, like every local setting). */
    public static final String DATABASE = "vodflow";
    public static final String USER = "vodflow";
    public static final String PASSWORD = "vodflow";
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_POSTGRES_PORT = 5432;
    /** Settings named in the error when a port is taken; the launcher reads its ports from them. */
    public static final String KAFKA_PORT_SETTING = "VODFLOW_LOCAL_KAFKA_PORT";
    public static final String POSTGRES_PORT_SETTING = "VODFLOW_LOCAL_POSTGRES_PORT";

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private final PostgresDatabase database;

    private LocalInfrastructure(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres, PostgresDatabase database) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * Starts the broker (data in {@code dataDir/kafka}) and Postgres (data in {@code dataDir/postgres}), creating
     * database {@value #DATABASE} for role {@value #USER} if missing; fails before starting anything if a port is taken.
     */
    public static LocalInfrastructure start(Path dataDir, int kafkaPort, int postgresPort) {
        LocalPorts.requireFree(kafkaPort, "Kafka", KAFKA_PORT_SETTING);
        LocalPorts.requireFree(postgresPort, "Postgres", POSTGRES_PORT_SETTING);
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(kafkaPort, dataDir.resolve("kafka"));
        kafka.start();
        try {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startPersistent(postgresPort, dataDir.resolve("postgres"));
            try {
                return new LocalInfrastructure(kafka, postgres, postgres.ensureDatabase(DATABASE, USER, PASSWORD));
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** The broker; its bootstrap address is {@code 127.0.0.1:<kafkaPort>}. */
    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** The Postgres server. */
    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** The {@value #DATABASE} database the services share. */
    public PostgresDatabase database() {
        return database;
    }

    /** VODFLOW_DB_URL, VODFLOW_DB_USER, VODFLOW_DB_PASSWORD and VODFLOW_KAFKA_BOOTSTRAP for the services. */
    public Map<String, String> serviceEnvironment() {
        return VodflowInfra.serviceEnvironment(database, kafka);
    }

    /** Stops both servers; their data stays for the next run. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
