package io.vodflow.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.ingress.auth.CallbackPathPolicy;
import io.vodflow.ingress.auth.CallbackSignaturePolicy;
import io.vodflow.ingress.fallback.FallbackBacklog;
import io.vodflow.ingress.fallback.FallbackRelay;
import io.vodflow.ingress.fallback.FallbackRepository;
import io.vodflow.ingress.http.CallbackBodyReader;
import io.vodflow.ingress.http.CallbackRecordFactory;
import io.vodflow.ingress.http.InFlightLimitFilter;
import io.vodflow.ingress.http.SecurityHeadersFilter;
import io.vodflow.ingress.intake.CallbackIntake;
import io.vodflow.ingress.intake.KafkaAvailability;
import io.vodflow.ingress.observe.IngressHealthIndicator;
import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.ingress.publish.CallbackPublisher;
import io.vodflow.ingress.publish.ProducerSettings;
import io.vodflow.ingress.publish.PublisherStartupGate;
import io.vodflow.ingress.publish.ReactorKafkaCallbackPublisher;
import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.kit.kafka.TopicProvisioner;
import io.vodflow.kit.kafka.TopicSpec;
import io.vodflow.kit.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.time.Clock;

/** Wires the push path (HTTP -> Kafka, else fallback store), the relay and the meters. */
@Configuration(proxyBeanMethods = false)
class IngressConfiguration {

    @Bean
    TopicSpec callbacksTopic() {
        return TopicSpec.named(VodTopics.CALLBACKS);
    }

    @Bean
    Clock ingressClock() {
        return Clock.systemUTC();
    }

    @Bean
    IngressMetrics ingressMetrics(MeterRegistry registry) {
        return new IngressMetrics(registry);
    }

    @Bean
    KafkaAvailability kafkaAvailability(Clock clock, IngressProperties props) {
        return new KafkaAvailability(clock, props.kafkaRetryInterval());
    }

    @Bean
    ReactorKafkaCallbackPublisher callbackPublisher(KafkaConnectionProperties kafka, IngressProperties props,
                                                    TopicProvisioner topics) {
        return new ReactorKafkaCallbackPublisher(
                ProducerSettings.of(kafka.clientProperties(), props.linger(), props.ackDeadline()), VodTopics.CALLBACKS,
                topics.whenReady());
    }

    @Bean
    PublisherStartupGate publisherStartupGate(ReactorKafkaCallbackPublisher publisher, IngressProperties props,
                                              KafkaAvailability kafka) {
        return new PublisherStartupGate(publisher.whenReady(), props.startupKafkaWait(), kafka);
    }

    @Bean
    FallbackRepository fallbackRepository(DatabaseClient db, ObjectMapper json) {
        return new FallbackRepository(db, json);
    }

    @Bean
    FallbackBacklog fallbackBacklog(FallbackRepository repository, IngressProperties props, IngressMetrics metrics) {
        FallbackBacklog backlog = new FallbackBacklog(repository, props.relay().backlogRefresh());
        metrics.gauge("vodflow.ingress.fallback.backlog", "Callbacks waiting in the fallback store", backlog,
                b -> Math.max(0, b.backlog()));
        metrics.gauge("vodflow.ingress.fallback.parked", "Stored callbacks Kafka refuses (too large...): the operator's to fix",
                backlog, b -> Math.max(0, b.parked()));
        return backlog;
    }

    @Bean
    FallbackRelay fallbackRelay(FallbackRepository repository, CallbackPublisher publisher, ConnectionFactory connections,
                                KafkaAvailability kafka, IngressMetrics metrics, IngressProperties props) {
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        return new FallbackRelay(repository, publisher, tx, kafka, metrics, props.relay());
    }

    @Bean
    CallbackIntake callbackIntake(CallbackPublisher publisher, FallbackRepository fallback, KafkaAvailability kafka,
                                  IngressMetrics metrics, IngressProperties props) {
        return new CallbackIntake(publisher, fallback, kafka, metrics, props.ackDeadline(), props.fallbackDeadline());
    }

    @Bean
    CallbackBodyReader callbackBodyReader(IngressProperties props) {
        return new CallbackBodyReader((int) Math.min(Integer.MAX_VALUE, props.maxBodySize().toBytes()), props.bodyReadTimeout());
    }

    @Bean
    CallbackRecordFactory callbackRecordFactory() {
        return new CallbackRecordFactory(new CallbackRoutingReader());
    }

    @Bean
    CallbackPathPolicy callbackPathPolicy(IngressProperties props) {
        return new CallbackPathPolicy(props.pathToken());
    }

    @Bean
    CallbackSignaturePolicy callbackSignaturePolicy(IngressProperties props, Clock clock) {
        return new CallbackSignaturePolicy(props.signKey(), props.previousSignKey(), clock);
    }

    @Bean
    InFlightLimitFilter inFlightLimitFilter(IngressProperties props, ProblemResponses problems, IngressMetrics metrics) {
        return new InFlightLimitFilter(props.maxInFlight(), props.retryAfter(), problems, metrics);
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    @Bean
    IngressHealthIndicator ingressHealthIndicator(KafkaAvailability kafka, FallbackBacklog backlog, IngressProperties props) {
        return new IngressHealthIndicator(kafka, backlog, props.signatureRequired());
    }
}
