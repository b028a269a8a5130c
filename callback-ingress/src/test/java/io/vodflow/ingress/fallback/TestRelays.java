package io.vodflow.ingress.fallback;

import io.r2dbc.spi.ConnectionFactory;
import io.vodflow.ingress.IngressProperties;
import io.vodflow.ingress.intake.KafkaAvailability;
import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.ingress.publish.CallbackPublisher;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.time.Duration;

/** Relays the tests drive pass by pass, wired from the application's own beans as the configuration wires its own. */
final class TestRelays {
    private TestRelays() { }

    /** A relay over the application's store, publisher and breaker, taking {@code batchSize} callbacks a pass; never scheduled. */
    static FallbackRelay of(ApplicationContext app, int batchSize) {
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(app.getBean(ConnectionFactory.class)));
        return new FallbackRelay(app.getBean(FallbackRepository.class), app.getBean(CallbackPublisher.class), tx,
                app.getBean(KafkaAvailability.class), app.getBean(IngressMetrics.class),
                new IngressProperties.Relay(Duration.ofHours(1), batchSize, Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }
}
