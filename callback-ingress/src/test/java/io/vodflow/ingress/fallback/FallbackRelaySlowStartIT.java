package io.vodflow.ingress.fallback;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.infra.VodflowInfra;
import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.ingress.CallbackTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After a failed pass the relay probes a recovering broker with one callback, then widens its batches again. */
@SpringBootTest(properties = "vodflow.ingress.relay.interval=1h")
@DirtiesContext // its broker goes away after the class
class FallbackRelaySlowStartIT {
    static final KafkaBroker BROKER = VodflowInfra.get().newKafkaBroker();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        BROKER.createTopic(VodTopics.CALLBACKS, 3);
        VodflowInfra.register(registry, VodflowInfra.get().newDatabase("ingress_relay_slow_start"), BROKER);
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @Autowired
    FallbackRepository repository;
    @Autowired
    ApplicationContext app;

    final NumberedCallbacks callbacks = new NumberedCallbacks(8_400_000_000_000L, 7, "78");

    @Test
    void aFailedPassShrinksTheNextBatchToOneThenEachGoodPassWidensItFourfold() {
        FallbackRelay relay = TestRelays.of(app, 50);
        try (CallbackTopicReader topic = new CallbackTopicReader(BROKER.bootstrapServers())) {
            store(0, 10);
            assertThat(relay.relayBatch().block(Duration.ofSeconds(30))).as("a healthy relay takes a whole batch").isEqualTo(10);

            BROKER.stop();
            store(10, 120);
            assertThatThrownBy(() -> relay.relayBatch().block(Duration.ofSeconds(30))).as("the stopped broker acks nothing");
            assertThat(repository.counts().block(Duration.ofSeconds(10)).waiting()).isEqualTo(120);

            BROKER.start();
            List<Long> passes = new ArrayList<>();
            passes.add(firstGoodPass(relay));
            for (long n = relay.relayBatch().block(Duration.ofSeconds(30)); n > 0; n = relay.relayBatch().block(Duration.ofSeconds(30))) {
                passes.add(n);
            }
            assertThat(passes).as("callbacks relayed per pass after the recovery").containsExactly(1L, 4L, 16L, 50L, 49L);
            assertThat(repository.counts().block(Duration.ofSeconds(10)).waiting()).isZero();

            List<ConsumerRecord<String, byte[]>> records = topic.read(130, r -> true, Duration.ofSeconds(30));
            records.addAll(topic.drain(r -> true, Duration.ofSeconds(2)));
            assertThat(records.stream().map(r -> NumberedCallbacks.position(r.value())).sorted().toList())
                    .as("every stored callback once").containsExactlyElementsOf(IntStream.range(0, 130).boxed().toList());
        }
    }

    /** The broker needs a moment after its restart: passes fail (and stay at one callback) until it acks. */
    private long firstGoodPass(FallbackRelay relay) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return relay.relayBatch().block(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private void store(int from, int count) {
        Flux.range(from, count).map(callbacks::record).concatMap(repository::store).blockLast(Duration.ofSeconds(60));
    }
}
