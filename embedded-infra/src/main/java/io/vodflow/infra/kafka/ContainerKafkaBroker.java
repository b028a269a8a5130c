package io.vodflow.infra.kafka;

import io.vodflow.infra.LocalPorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka 3.9 ({@code apache/kafka} image, KRaft) in a Testcontainers container, used when a Docker engine answers.
 * The host port is fixed when the container is created, so a Docker stop/start keeps the address, and the log
 * directory lives in the container, so it keeps the data. (Written against the APIs; not run on the Docker-less
 * build machines.)
 */
public final class ContainerKafkaBroker implements KafkaBroker {

    /** The image; its broker speaks the same protocol as the kafka_2.13 3.9 jars of the embedded broker. */
    public static final String IMAGE = "apache/kafka:3.9.1";

    private static final int CONTAINER_PORT = 9092;

    private final KafkaContainer container;
    private final int hostPort;
    private boolean running;

    private ContainerKafkaBroker(KafkaContainer container, int hostPort) {
        this.container = container;
        this.hostPort = hostPort;
    }

    /** Pulls (if needed) and starts a container with the same one-node settings as the embedded broker. */
    public static ContainerKafkaBroker startContainer() {
        return startContainer(false);
    }

    /** As {@link #startContainer()}, with {@code auto.create.topics.enable} as given. */
    public static ContainerKafkaBroker startContainer(boolean autoCreateTopics) {
        int hostPort = LocalPorts.pickFree();
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", String.valueOf(autoCreateTopics))
                .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "1")
                .withEnv("KAFKA_NUM_PARTITIONS", "1");
        // a fixed binding instead of a random one: Docker keeps it across stop/start, and the advertised
        // listener baked into the container's start script stays right
        container.setPortBindings(List.of(hostPort + ":" + CONTAINER_PORT));
        container.start();
        ContainerKafkaBroker broker = new ContainerKafkaBroker(container, hostPort);
        broker.running = true;
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return container.getHost() + ":" + hostPort;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
        running = false;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        DockerClientFactory.instance().client().startContainerCmd(container.getContainerId()).exec();
        awaitReady();
        running = true;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        container.stop();
        running = false;
    }

    // the container's wait strategy ran only at the first start; after a restart ask the broker itself
    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Kafka container " + bootstrapServers() + " did not come back after a restart", e);
        }
    }

    @Override
    public String toString() {
        return "ContainerKafkaBroker[" + IMAGE + ", " + bootstrapServers() + "]";
    }
}
