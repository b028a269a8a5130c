package io.vodflow.processor.config;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.kit.kafka.TopicProvisioner;
import io.vodflow.kit.kafka.TopicSpec;
import io.vodflow.kit.security.PublicPaths;
import io.vodflow.processor.kafka.CallbackReceiver;
import io.vodflow.processor.kafka.DeadLetterReplayer;
import io.vodflow.processor.kafka.MediaEventReceiver;
import io.vodflow.processor.kafka.RecordSender;
import io.vodflow.processor.metrics.ConsumerHealthIndicator;
import io.vodflow.processor.metrics.ProcessorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

/** Infrastructure of the processor: topics, Kafka adapters, transactions, metrics, health, public paths. */
@Configuration(proxyBeanMethods = false)
public class ProcessorConfiguration {

    @Bean
    TopicSpec callbacksTopic() {
        return TopicSpec.named(VodTopics.CALLBACKS);
    }

    @Bean
    TopicSpec callbacksDeadLetterTopic() {
        return TopicSpec.named(VodTopics.CALLBACKS_DLT);
    }

    @Bean
    TopicSpec mediaEventsTopic() {
        return TopicSpec.named(VodTopics.MEDIA_EVENTS);
    }

    @Bean
    PublicPaths processorPublicPaths() {
        // the status page is static; it asks for a JWT and sends it with its API calls
        return PublicPaths.of("/status.html", "/status.js", "/favicon.ico");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager tm) {
        return TransactionalOperator.create(tm);
    }

    @Bean(destroyMethod = "dispose")
    Scheduler blockingScheduler() {
        return Schedulers.newBoundedElastic(4, 16, "processor-blocking");
    }

    @Bean
    ProcessorMetrics vodflowProcessorMetrics(MeterRegistry registry) {
        return new ProcessorMetrics(registry);
    }

    @Bean
    CallbackReceiver callbackReceiver(KafkaConnectionProperties kafka, ProcessorProperties props, ProcessorMetrics metrics,
                                      TopicProvisioner topics) {
        CallbackReceiver receiver = new CallbackReceiver(kafka, props, topics.whenReady());
        metrics.lagGauge(receiver::lag);
        return receiver;
    }

    @Bean
    ConsumerHealthIndicator callbackConsumerHealthIndicator(CallbackReceiver receiver, ProcessorProperties props) {
        return new ConsumerHealthIndicator(receiver.liveness(), receiver::lag, props.stallTimeout(), props.lagRefresh());
    }

    @Bean(destroyMethod = "close")
    RecordSender recordSender(KafkaConnectionProperties kafka, ProcessorProperties props, TopicProvisioner topics) {
        return new RecordSender(kafka, props, topics.whenReady());
    }

    @Bean
    MediaEventReceiver mediaEventReceiver(KafkaConnectionProperties kafka, ProcessorProperties props, TopicProvisioner topics) {
        return new MediaEventReceiver(kafka, props, topics.whenReady());
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(KafkaConnectionProperties kafka, ProcessorProperties props, RecordSender sender,
                                          Scheduler blockingScheduler) {
        return new DeadLetterReplayer(kafka, props, sender, blockingScheduler);
    }
}
