package io.vodflow.kit.kafka;

import io.vodflow.kit.testing.PropertiesBinding;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class TopicProvisionerTest {

    private static NewTopic created(Map<String, String> values, TopicSpec spec) {
        KafkaConnectionProperties props = PropertiesBinding.bind("vodflow.kafka", KafkaConnectionProperties.class, values);
        return new TopicProvisioner(props, List.of(spec)).toNewTopic(spec);
    }

    @Test
    void withoutSettingsTheBrokerChoosesReplicationAndMinInsync() {
        NewTopic topic = created(Map.of("vodflow.kafka.bootstrap", "k:9092"), TopicSpec.named("vod.callbacks"));

        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) -1);
        assertThat(topic.configs()).doesNotContainKey("min.insync.replicas");
    }

    @Test
    void configuredReplicationAndMinInsyncAreAsked() {
        NewTopic topic = created(Map.of("vodflow.kafka.bootstrap", "k:9092", "vodflow.kafka.replication", "3",
                "vodflow.kafka.min-insync-replicas", "2", "vodflow.kafka.partitions", "12"), TopicSpec.named("vod.callbacks"));

        assertThat(topic.numPartitions()).isEqualTo(12);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void aTopicsOwnSettingsWinOverTheServiceDefaults() {
        TopicSpec spec = new TopicSpec("vod.callbacks.DLT", 1, (short) 2, Map.of("min.insync.replicas", "1"));
        NewTopic topic = created(Map.of("vodflow.kafka.bootstrap", "k:9092", "vodflow.kafka.replication", "3",
                "vodflow.kafka.min-insync-replicas", "2"), spec);

        assertThat(topic.numPartitions()).isEqualTo(1);
        assertThat(topic.replicationFactor()).isEqualTo((short) 2);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "1");
    }

    @Test
    void onlyAnAuthorisationRefusalEndsProvisioning() {
        assertThat(TopicProvisioner.mayNotCreateTopics(new ExecutionException(new TopicAuthorizationException("vod.callbacks"))))
                .isTrue();
        assertThat(TopicProvisioner.mayNotCreateTopics(new ExecutionException(new ClusterAuthorizationException("create"))))
                .isTrue();
        assertThat(TopicProvisioner.mayNotCreateTopics(new ExecutionException(new InvalidReplicationFactorException("3 > 1"))))
                .isFalse();
        assertThat(TopicProvisioner.mayNotCreateTopics(new TimeoutException())).isFalse();
    }

    @Test
    void aServiceWithoutTopicsIsReadyAtStartAndLateSubscribersSeeIt() {
        KafkaConnectionProperties props = PropertiesBinding.bind("vodflow.kafka", KafkaConnectionProperties.class,
                Map.of("vodflow.kafka.bootstrap", "k:9092"));
        TopicProvisioner provisioner = new TopicProvisioner(props, List.of());
        CompletableFuture<Void> early = provisioner.whenReady().toFuture();
        assertThat(provisioner.ready()).isFalse();
        assertThat(early).isNotDone();

        provisioner.start();

        assertThat(provisioner.ready()).isTrue();
        assertThat(early).isCompleted();
        assertThat(provisioner.whenReady().toFuture()).as("a subscriber after the fact").isCompleted();
    }
}
