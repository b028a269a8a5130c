package io.vodflow.kit.kafka;

import io.vodflow.kit.testing.PropertiesBinding;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
}
