package io.vodflow.localstack.bench;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The ingress benchmark's second baseline: read the body, send it with reactor-kafka (acks=all, idempotent,
 * linger 1 ms, one send per request, as the ingress does), answer 200 after the ack. What the ingress costs
 * beyond this route is its own work: routing read, Sign/T check, headers, fallback and metrics.
 */
final class BareKafkaRoute implements AutoCloseable {
    static final String PATH = "/bare-kafka";
    static final String TOPIC = "bench.bare-kafka";
    static final String BOOTSTRAP_PROPERTY = "bare.kafka.bootstrap";
    private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    private final KafkaSender<String, byte[]> sender;
    private final AtomicLong keys = new AtomicLong();

    BareKafkaRoute(String bootstrap) {
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                        ProducerConfig.LINGER_MS_CONFIG, 1,
                        ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))
                .maxInFlight(1024).stopOnError(false));
    }

    /** POST {@value #PATH}: 200 once the body is acknowledged by Kafka. */
    RouterFunction<ServerResponse> routes() {
        return route().POST(PATH, req -> req.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .flatMap(body -> sender.send(Mono.just(SenderRecord.create(
                                        new ProducerRecord<>(TOPIC, Long.toString(keys.incrementAndGet()), body), (Void) null)))
                                .next())
                        .flatMap(result -> result.exception() == null
                                ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(ACCEPTED)
                                : Mono.error(result.exception())))
                .build();
    }

    @Override
    public void close() {
        sender.close();
    }
}
