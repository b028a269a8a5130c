package io.vodflow.infra.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real single-node Kafka broker for tests and the local run; it may be stopped and started again. */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} for the clients' bootstrap.servers; the same before and after a restart. */
    String bootstrapServers();

    /** Shuts the broker down cleanly; clients then get connection refused. Data is kept for {@link #start()}. */
    void stop();

    /** Starts the broker (again) on the same address with the data it had; returns once it accepts requests. */
    void start();

    /** Whether the broker is running now. */
    boolean isRunning();

    /** Whether {@link #stop()} and {@link #start()} are supported; restart tests assume it. */
    default boolean isRestartable() {
        return true;
    }

    /** Stops the broker for good and deletes what it owns (log directory, container). */
    @Override
    void close();

    /** What a client needs to reach this broker: bootstrap.servers, plus the login when the broker requires one. */
    default Map<String, Object> clientProperties() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** Creates a topic with replication factor 1 unless it exists (auto-creation is off unless a test asked for it). */
    default void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** {@link #createTopic(String, int)} with topic configs, e.g. {@code max.message.bytes}. */
    default void createTopic(String name, int partitions, Map<String, String> configs) {
        Map<String, Object> cfg = new HashMap<>(clientProperties());
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(cfg)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + name + " on " + bootstrapServers(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name + " on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }
}
