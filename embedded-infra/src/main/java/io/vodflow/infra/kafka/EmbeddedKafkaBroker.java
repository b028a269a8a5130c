package io.vodflow.infra.kafka;

import io.vodflow.infra.LocalPorts;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A one-node KRaft broker running inside this JVM on 127.0.0.1; it restarts on the same port with the same data. */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final BrokerOptions options;
    private KafkaRaftServer server;
    private boolean closed;

    /** A broker (not started yet) on {@code port} (0 picks a free port, kept across restarts), storing its data in {@code logDir}. */
    public EmbeddedKafkaBroker(int port, Path logDir) {
        this(port, logDir, false, BrokerOptions.DEFAULT);
    }

    private EmbeddedKafkaBroker(int port, Path logDir, boolean deleteOnClose, BrokerOptions options) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Kafka port must be 0..65535, got " + port);
        }
        this.port = port == 0 ? LocalPorts.pickFree() : port;
        this.controllerPort = LocalPorts.pickFree();
        this.logDir = logDir.toAbsolutePath();
        this.deleteOnClose = deleteOnClose;
        this.options = options;
    }

    /** Starts a broker on a free port with a temporary log directory that {@link #close()} deletes. */
    public static EmbeddedKafkaBroker startTemporary() {
        return startTemporary(BrokerOptions.DEFAULT);
    }

    /** Starts a temporary broker whose clients must log in as {@code user} (SASL_PLAINTEXT, PLAIN). */
    public static EmbeddedKafkaBroker startTemporary(SaslPlainUser user) {
        return startTemporary(BrokerOptions.loginAs(user));
    }

    /** Starts a temporary broker with {@code options}. */
    public static EmbeddedKafkaBroker startTemporary(BrokerOptions options) {
        try {
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(0, Files.createTempDirectory("vodflow-kafka-"), true, options);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary Kafka log directory", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return LocalPorts.HOST + ":" + port;
    }

    @Override
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(KafkaBroker.super.clientProperties());
        if (options.sasl() != null) {
            props.putAll(options.sasl().clientProperties());
        }
        return props;
    }

    /** The port clients connect to. */
    public int port() {
        return port;
    }

    /** Where the broker keeps its metadata and partition logs. */
    public Path logDir() {
        return logDir;
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Kafka broker " + bootstrapServers() + " is closed");
        }
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        KraftStorage.formatIfNeeded(logDir);
        KafkaConfig config = KafkaConfig.fromProps(
                KraftServerProperties.of(LocalPorts.HOST, port, controllerPort, logDir, options), false);
        KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            candidate.startup();
        } catch (RuntimeException e) {
            shutDown(candidate);
            throw new IllegalStateException("Kafka broker could not start on " + bootstrapServers()
                    + " (controller port " + controllerPort + ", log dir " + logDir + ")", e);
        }
        server = candidate;
        log.info("Kafka broker started on {} in {} ms (log dir {})", bootstrapServers(), (System.nanoTime() - started) / 1_000_000, logDir);
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        shutDown(server);
        server = null;
        log.info("Kafka broker on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        stop();
        if (!closed && deleteOnClose) {
            try {
                Utils.delete(logDir.toFile());
            } catch (IOException e) {
                log.warn("Could not delete Kafka log directory {}: {}", logDir, e.toString());
            }
        }
        closed = true;
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", " + logDir + "]";
    }
}
