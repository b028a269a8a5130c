package io.vodflow.infra;

import io.vodflow.infra.kafka.BrokerOptions;
import io.vodflow.infra.kafka.ContainerKafkaBroker;
import io.vodflow.infra.kafka.EmbeddedKafkaBroker;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.ContainerPostgresServer;
import io.vodflow.infra.postgres.EmbeddedPostgresServer;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.infra.postgres.PostgresServer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Kafka broker and Postgres server shared by the integration tests of one JVM, chosen once by {@code IT_INFRA}. */
public final class VodflowInfra {

    private static final Logger log = LoggerFactory.getLogger(VodflowInfra.class);
    private static VodflowInfra instance;

    private final InfraMode mode;
    private final List<AutoCloseable> privateBrokers = new CopyOnWriteArrayList<>();
    private SharedKafkaBroker kafka;
    private PostgresServer postgres;

    private VodflowInfra(InfraMode mode) {
        this.mode = mode;
    }

    /** The JVM's instance; the first call picks the mode and registers a shutdown hook that stops everything. */
    public static synchronized VodflowInfra get() {
        if (instance == null) {
            InfraMode mode = InfraMode.resolve(System.getenv(InfraMode.SETTING),
                    () -> DockerClientFactory.instance().isDockerAvailable());
            log.info("Integration infrastructure: {} ({}={})", mode, InfraMode.SETTING, System.getenv(InfraMode.SETTING));
            instance = new VodflowInfra(mode);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "vodflow-infra-shutdown"));
        }
        return instance;
    }

    /** Containers or in-process servers. */
    public InfraMode mode() {
        return mode;
    }

    /** The shared broker, started on first use; it refuses stop/start/close (see {@link #newKafkaBroker()}). */
    public synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = new SharedKafkaBroker(startBroker());
        }
        return kafka;
    }

    /** A private, started broker the caller may stop, restart and close; anything left open is closed at JVM exit. */
    public KafkaBroker newKafkaBroker() {
        KafkaBroker broker = startBroker();
        privateBrokers.add(broker);
        return broker;
    }

    /** As {@link #newKafkaBroker()}, but with Kafka's default auto.create.topics.enable=true. */
    public KafkaBroker newAutoCreatingKafkaBroker() {
        KafkaBroker broker = mode == InfraMode.DOCKER ? ContainerKafkaBroker.startContainer(true)
                : EmbeddedKafkaBroker.startTemporary(BrokerOptions.autoCreatingTopics());
        privateBrokers.add(broker);
        return broker;
    }

    /** The shared Postgres server, started on first use. */
    public synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = mode == InfraMode.DOCKER ? ContainerPostgresServer.startContainer() : EmbeddedPostgresServer.startTemporary();
        }
        return postgres;
    }

    /** A fresh empty database (unique name, own login role and password) on the shared server. */
    public PostgresDatabase newDatabase() {
        return newDatabase("it");
    }

    /** A fresh empty database whose name starts with {@code nameHint}. */
    public PostgresDatabase newDatabase(String nameHint) {
        return postgres().createDatabase(nameHint);
    }

    /** A fresh database with the schema module's Flyway migrations applied, for tests that skip the services' start. */
    public PostgresDatabase newMigratedDatabase() {
        PostgresDatabase db = newDatabase("migrated");
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration").load().migrate();
        return db;
    }

    /** Points a Spring test at {@code db} and {@code kafka} through the properties the services read. */
    public static void register(DynamicPropertyRegistry registry, PostgresDatabase db, KafkaBroker kafka) {
        registry.add("vodflow.db.url", db::libpqUrl);
        registry.add("vodflow.db.user", db::user);
        registry.add("vodflow.db.password", db::password);
        registry.add("vodflow.kafka.bootstrap", kafka::bootstrapServers);
    }

    /** The environment a service jar started as a process needs to use {@code db} and {@code kafka}. */
    public static Map<String, String> serviceEnvironment(PostgresDatabase db, KafkaBroker kafka) {
        return Map.of(
                "VODFLOW_DB_URL", db.libpqUrl(),
                "VODFLOW_DB_USER", db.user(),
                "VODFLOW_DB_PASSWORD", db.password(),
                "VODFLOW_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    }

    private KafkaBroker startBroker() {
        return mode == InfraMode.DOCKER ? ContainerKafkaBroker.startContainer() : EmbeddedKafkaBroker.startTemporary();
    }

    private synchronized void shutdown() {
        for (AutoCloseable broker : privateBrokers) {
            closeQuietly(broker);
        }
        if (kafka != null) {
            closeQuietly(kafka::shutdown);
        }
        if (postgres != null) {
            closeQuietly(postgres);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("Could not stop {} at JVM exit: {}", resource, e.toString());
        }
    }
}
