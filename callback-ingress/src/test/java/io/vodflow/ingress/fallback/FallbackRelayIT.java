package io.vodflow.ingress.fallback;

import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.CallbackTopicReader;
import io.vodflow.ingress.publish.CallbackRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two relays (as in two ingress instances) drain one store: each callback reaches Kafka once, in arrival order per key. */
@SpringBootTest(properties = "vodflow.ingress.relay.interval=1h")
class FallbackRelayIT {
    static final KafkaBroker KAFKA = VodflowInfra.get().kafka();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        KAFKA.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_relay"), KAFKA);
    }

    @Autowired
    FallbackRepository repository;
    @Autowired
    ApplicationContext app;

    @Test
    void twoRelaysDrainingTogetherPublishEachStoredCallbackOnceInArrivalOrder() {
        // 10 files x 60 callbacks each; a callback's position is in its FileUploadEvent name
        NumberedCallbacks callbacks = new NumberedCallbacks(8_300_000_000_000L, 10, "77");
        List<CallbackRecord> stored = IntStream.range(0, 600).mapToObj(callbacks::record).toList();
        Flux.fromIterable(stored).concatMap(repository::store).blockLast(Duration.ofSeconds(60));
        assertThat(repository.counts().block(Duration.ofSeconds(10)).waiting()).isEqualTo(600);

        FallbackRelay first = TestRelays.of(app, 50);
        FallbackRelay second = TestRelays.of(app, 50);
        try (CallbackTopicReader topic = new CallbackTopicReader(KAFKA.bootstrapServers())) {
            // both keep draining until the store is empty; the advisory lock makes one wait its turn
            Flux.range(0, 40).flatMap(i -> (i % 2 == 0 ? first : second).drain().subscribeOn(Schedulers.parallel()), 2)
                    .blockLast(Duration.ofSeconds(120));
            assertThat(repository.counts().block(Duration.ofSeconds(10)).waiting()).isZero();

            List<ConsumerRecord<String, byte[]>> records = topic.read(600,
                    r -> "77".equals(CallbackTopicReader.headers(r).get(CallbackHeaders.SUB_APP)), Duration.ofSeconds(30));
            records.addAll(topic.drain(r -> "77".equals(CallbackTopicReader.headers(r).get(CallbackHeaders.SUB_APP)), Duration.ofSeconds(2)));
            assertThat(records).hasSize(600);
            Map<String, List<Integer>> sequenceByFile = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> NumberedCallbacks.position(r.value()),
                            Collectors.toList())));
            assertThat(sequenceByFile).hasSize(10);
            sequenceByFile.values().forEach(seq -> assertThat(seq).hasSize(60).isSorted());
            records.forEach(r -> assertThat(CallbackTopicReader.headers(r)).containsEntry(CallbackHeaders.SOURCE, "push")
                    .containsEntry(CallbackHeaders.FORMAT, "v3"));
        }
    }

}
