package io.vodflow.localstack;

import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.infra.LocalPorts;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.localstack.demo.VodflowClient;
import io.vodflow.localstack.fleet.ServiceFleet;
import io.vodflow.localstack.fleet.ServiceModule;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The three real service jars on a fresh database and a private broker, with an emulated VOD, for one test class. */
final class E2eStack implements AutoCloseable {
    static final DevSettings DEV = DevSettings.defaults();
    final PostgresDatabase db;
    final ServiceFleet fleet;
    final VodEmulator vod;
    final ServiceConsoles consoles;
    private final Map<String, String> env;
    private final KafkaBroker kafka;

    private E2eStack(PostgresDatabase db, ServiceFleet fleet, VodEmulator vod, ServiceConsoles consoles, Map<String, String> env,
                     KafkaBroker kafka) {
        this.db = db;
        this.fleet = fleet;
        this.vod = vod;
        this.consoles = consoles;
        this.env = env;
        this.kafka = kafka;
    }

    String kafkaBootstrap() {
        return env.get("VODFLOW_KAFKA_BOOTSTRAP");
    }

    /** The private broker, to stop and start for outages. */
    KafkaBroker kafka() {
        return kafka;
    }

    String processorGroup() {
        return env.get("VODFLOW_PROCESSOR_GROUP_ID");
    }

    static E2eStack start(String name) throws Exception {
        // a private broker per test class: vod.callbacks of one class never feeds another class's processor
        return start(name, VodflowInfra.get().newKafkaBroker(), Map.of());
    }

    /** The stack on {@code kafka} (closed with the stack), the services given {@code extraEnv} on top of the dev settings. */
    static E2eStack start(String name, KafkaBroker kafka, Map<String, String> extraEnv) throws Exception {
        VodflowInfra infra = VodflowInfra.get();
        PostgresDatabase db = infra.newDatabase(name);
        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        for (ServiceModule s : ServiceModule.values()) {
            ports.put(s, LocalPorts.pickFree());
        }
        Map<String, String> env = new java.util.HashMap<>(DEV.environment(VodflowInfra.serviceEnvironment(db, kafka)));
        env.putAll(extraEnv);
        // each test class consumes with its own group, so classes sharing the broker never steal each other's records
        env.put("VODFLOW_PROCESSOR_GROUP_ID", "vodflow-e2e-" + name + "-" + System.nanoTime());
        // a killed processor's partitions move to its restarted successor after this, not after the 45 s default
        env.put("VODFLOW_PROCESSOR_SESSION_TIMEOUT", "10s");
        Path root = Path.of("").toAbsolutePath().getParent();
        ServiceConsoles consoles = new ServiceConsoles();
        // each service's lines reach its console unprefixed (ServiceConsoles names them on the test's own)
        ServiceFleet fleet;
        try {
            fleet = new ServiceFleet(root, env, consoles::streamFor, false).start(ports, Duration.ofMinutes(3));
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
        VodEmulator vod = new VodEmulator(EmulatorSettings.of(DEV.secretId(), DEV.secretKey()).withCallbackSignKey(DEV.callbackSignKey()));
        return new E2eStack(db, fleet, vod, consoles, env, kafka);
    }

    /** A client of the public interface acting for {@code userId}. */
    VodflowClient clientFor(String userId) {
        return new VodflowClient(fleet.url(ServiceModule.SIGNER), fleet.url(ServiceModule.PROCESSOR),
                DevJwt.mint(DEV.jwtSecret(), userId, List.of(), Duration.ofHours(1)));
    }

    String ingressUrl() {
        return fleet.url(ServiceModule.INGRESS);
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        fleet.close();
        vod.close();
        kafka.close();
    }
}
