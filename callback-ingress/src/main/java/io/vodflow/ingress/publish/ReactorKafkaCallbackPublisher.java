package io.vodflow.ingress.publish;

import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;
import reactor.kafka.sender.SenderResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@link CallbackPublisher} on reactor-kafka's {@link KafkaSender}: one idempotent acks=all producer per instance. */
public final class ReactorKafkaCallbackPublisher implements CallbackPublisher, DisposableBean {
    private final KafkaSender<String, byte[]> sender;
    private final KafkaRecordMapper mapper;

    /** @param producerConfig complete producer configuration (see {@link ProducerSettings}) */
    public ReactorKafkaCallbackPublisher(Map<String, Object> producerConfig, String topic) {
        // stopOnError: a batch from the relay or the puller must fail as a whole when one record fails
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(producerConfig)
                .maxInFlight(1024)
                .stopOnError(true)
                .closeTimeout(Duration.ofSeconds(5)));
        this.mapper = new KafkaRecordMapper(topic);
    }

    @Override
    public Mono<Void> publish(CallbackRecord record) {
        return sender.send(Mono.fromSupplier(() -> SenderRecord.create(mapper.toProducerRecord(record), (Void) null)))
                .then();
    }

    @Override
    public Flux<Integer> publishInOrder(List<CallbackRecord> records) {
        if (records.isEmpty()) {
            return Flux.empty();
        }
        return sender.send(Flux.range(0, records.size())
                        .map(i -> SenderRecord.create(mapper.toProducerRecord(records.get(i)), i)))
                .map(SenderResult::correlationMetadata);
    }

    @Override
    public void destroy() {
        sender.close();
    }
}
