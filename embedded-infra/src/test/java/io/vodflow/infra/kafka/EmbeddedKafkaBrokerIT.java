package io.vodflow.infra.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaBrokerIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void recordsSentWithAcksAllAreConsumedBack() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
             KafkaProducer<String, String> producer = TestClients.producer(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            broker.createTopic("round-trip", 1);

            RecordMetadata ack = producer.send(new ProducerRecord<>("round-trip", "file-1", "hello")).get(30, TimeUnit.SECONDS);

            assertThat(ack.offset()).isZero();
            assertThat(TestClients.readValues(broker.bootstrapServers(), "round-trip", 1, READ_TIMEOUT)).containsExactly("hello");
        }
    }

    @Test
    void stoppedBrokerRefusesClientsAndAfterStartServesOldRecordsAndAcksNewOnesOnTheSameAddress() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
             KafkaProducer<String, String> producer = TestClients.producer(broker.bootstrapServers(), Duration.ofSeconds(3))) {
            String bootstrap = broker.bootstrapServers();
            broker.createTopic("restart", 1);
            for (String value : new String[] {"a", "b", "c"}) {
                producer.send(new ProducerRecord<>("restart", "k", value)).get(30, TimeUnit.SECONDS);
            }

            broker.stop();

            assertThat(broker.isRunning()).isFalse();
            assertThatThrownBy(() -> connect(broker.port())).isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("restart", "k", "lost")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);

            broker.start();

            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(TestClients.readValues(bootstrap, "restart", 3, READ_TIMEOUT)).containsExactly("a", "b", "c");
            RecordMetadata ack = producer.send(new ProducerRecord<>("restart", "k", "d")).get(30, TimeUnit.SECONDS);
            assertThat(ack.offset()).isEqualTo(3);
            assertThat(TestClients.readValues(bootstrap, "restart", 4, READ_TIMEOUT)).containsExactly("a", "b", "c", "d");
        }
    }

    @Test
    void twoBrokersRunAtOnceOnDifferentPortsWithSeparateData() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.startTemporary();
             EmbeddedKafkaBroker second = EmbeddedKafkaBroker.startTemporary();
             KafkaProducer<String, String> producer = TestClients.producer(first.bootstrapServers(), Duration.ofSeconds(30))) {
            assertThat(first.port()).isNotEqualTo(second.port());
            first.createTopic("shared-name", 1);
            second.createTopic("shared-name", 1);

            producer.send(new ProducerRecord<>("shared-name", "k", "only-on-first")).get(30, TimeUnit.SECONDS);

            assertThat(TestClients.endOffset(first.bootstrapServers(), "shared-name")).isEqualTo(1);
            assertThat(TestClients.endOffset(second.bootstrapServers(), "shared-name")).isZero();
        }
    }

    private static void connect(int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        }
    }
}
