package io.vodflow.infra.local;

import io.vodflow.infra.LocalPorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalInfrastructureIT {

    @TempDir
    Path dataDir;

    @Test
    void secondRunOnTheSameFolderFindsTheFirstRunsRowsAndRecords() throws Exception {
        int kafkaPort = LocalPorts.pickFree();
        int postgresPort = LocalPorts.pickFree();
        try (LocalInfrastructure first = LocalInfrastructure.start(dataDir, kafkaPort, postgresPort)) {
            assertThat(first.serviceEnvironment()).containsEntry("VODFLOW_DB_URL", "postgresql://127.0.0.1:" + postgresPort + "/vodflow")
                    .containsEntry("VODFLOW_DB_USER", "vodflow").containsEntry("VODFLOW_DB_PASSWORD", "vodflow")
                    .containsEntry("VODFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafkaPort);
            try (Connection connection = login(postgresPort); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE note (text text)");
                sql.execute("INSERT INTO note VALUES ('kept')");
            }
            first.kafka().createTopic("vod.callbacks", 1);
            Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort, ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("vod.callbacks", "file", "event")).get(30, TimeUnit.SECONDS);
            }
        }

        try (LocalInfrastructure second = LocalInfrastructure.start(dataDir, kafkaPort, postgresPort)) {
            try (Connection connection = login(postgresPort); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT text FROM note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
            }
            assertThat(endOffset(second.kafka().bootstrapServers(), "vod.callbacks")).isEqualTo(1);
        }
    }

    @Test
    void takenPortFailsNamingThePortAndTheSetting() throws Exception {
        int kafkaPort = LocalPorts.pickFree();
        try (ServerSocket squatter = new ServerSocket(LocalPorts.pickFree(), 1, InetAddress.getByName("127.0.0.1"))) {
            int takenPort = squatter.getLocalPort();

            assertThatThrownBy(() -> LocalInfrastructure.start(dataDir, kafkaPort, takenPort))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + takenPort)
                    .hasMessageContaining(LocalInfrastructure.POSTGRES_PORT_SETTING);
            assertThat(LocalPorts.isFree(kafkaPort)).as("nothing was started").isTrue();
        }
    }

    private static Connection login(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/vodflow", "vodflow", "vodflow");
    }

    private static long endOffset(String bootstrap, String topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
        }
    }
}
