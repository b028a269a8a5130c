package io.vodflow.cli.doctor;

import io.vodflow.contract.kafka.VodTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** vodflow's topics exist with the expected partition count (the services create them with VODFLOW_KAFKA_PARTITIONS). */
final class KafkaTopicsCheck implements Check {

    static final List<String> TOPICS = List.of(VodTopics.CALLBACKS, VodTopics.CALLBACKS_DLT, VodTopics.MEDIA_EVENTS);

    private final String bootstrap;
    private final int partitions;
    private final Map<String, String> clientProperties;
    private final Duration timeout;

    /** @param clientProperties further client settings (VODFLOW_KAFKA_CLIENT_*), as the services use them */
    KafkaTopicsCheck(String bootstrap, int partitions, Map<String, String> clientProperties, Duration timeout) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        this.clientProperties = Map.copyOf(clientProperties);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "kafka-topics";
    }

    @Override
    public CheckResult run() {
        int ms = (int) timeout.toMillis();
        Map<String, Object> cfg = new HashMap<>(clientProperties);
        cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        try (Admin admin = Admin.create(cfg)) {
            List<String> missing = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (String topic : TOPICS) {
                try {
                    TopicDescription d = admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (d.partitions().size() != partitions) {
                        wrong.add(topic + " has " + d.partitions().size());
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    missing.add(topic);
                }
            }
            if (!missing.isEmpty()) {
                return CheckResult.fail("missing topics " + missing + " on " + bootstrap,
                        "start event-processor once (it creates them), or: kafka-topics.sh --bootstrap-server "
                                + bootstrap + " --create --topic " + missing.get(0) + " --partitions " + partitions);
            }
            if (!wrong.isEmpty()) {
                return CheckResult.fail(String.join(", ", wrong) + " partitions, expected " + partitions,
                        "pass --partitions with the count the services use (VODFLOW_KAFKA_PARTITIONS); adding "
                                + "partitions moves FileIds to other partitions, so drain vod.callbacks first");
            }
            return CheckResult.pass(String.join(", ", TOPICS) + " present with " + partitions + " partitions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail("interrupted", "run doctor again");
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return CheckResult.fail("cannot reach Kafka at " + bootstrap + " (" + cause.getClass().getSimpleName() + ")",
                    "check VODFLOW_KAFKA_BOOTSTRAP (or --kafka-bootstrap), that the brokers run, and, where they "
                            + "require a login or TLS, the VODFLOW_KAFKA_CLIENT_* variables the services use");
        }
    }
}
