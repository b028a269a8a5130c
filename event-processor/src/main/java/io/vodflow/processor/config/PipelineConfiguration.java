package io.vodflow.processor.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.processor.ingest.BatchWriter;
import io.vodflow.processor.ingest.CallbackBatchHandler;
import io.vodflow.processor.ingest.CallbackConsumer;
import io.vodflow.processor.ingest.CallbackRecordDecoder;
import io.vodflow.processor.ingest.DeadLetterPublisher;
import io.vodflow.processor.kafka.CallbackReceiver;
import io.vodflow.processor.kafka.MediaEventReceiver;
import io.vodflow.processor.kafka.RecordSender;
import io.vodflow.processor.live.MediaEventStream;
import io.vodflow.processor.metrics.OutboxRelayHealthIndicator;
import io.vodflow.processor.metrics.ProcessorMetrics;
import io.vodflow.processor.outbox.FinishedBeforeLink;
import io.vodflow.processor.outbox.MediaEventFactory;
import io.vodflow.processor.outbox.OutboxRelay;
import io.vodflow.processor.project.AttributionPolicy;
import io.vodflow.processor.project.BatchProjector;
import io.vodflow.processor.query.MediaQueryRepository;
import io.vodflow.processor.query.TaskQueryRepository;
import io.vodflow.processor.retention.ProcessedEventPruner;
import io.vodflow.processor.store.DedupeRepository;
import io.vodflow.processor.store.OutboxRepository;
import io.vodflow.processor.store.ProjectionRepository;
import io.vodflow.processor.store.SignatureRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.time.Clock;

/** The pipeline: vod.callbacks → decode → project → one transaction per batch → outbox → vod.media.events → SSE. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    BatchWriter batchWriter(TransactionalOperator tx, DatabaseClient db, SourceContextCodec codec, ObjectMapper json, Clock clock,
                            ProcessorProperties props) {
        AttributionPolicy attribution = new AttributionPolicy(codec);
        return new BatchWriter(tx, new DedupeRepository(db, props.deletionRedeliveryWindow()), new SignatureRepository(db), new ProjectionRepository(db),
                new OutboxRepository(db),
                attribution, new BatchProjector(attribution, clock, props.partialDeletes()), new MediaEventFactory(json, clock),
                new FinishedBeforeLink(db));
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, RecordSender sender, TransactionalOperator tx, ProcessorMetrics metrics,
                            ProcessorProperties props) {
        return new OutboxRelay(new OutboxRepository(db), sender, tx, metrics, props);
    }

    @Bean
    OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay, ProcessorProperties props) {
        return new OutboxRelayHealthIndicator(relay::sinceLastSuccess, relay::lastFailure, props.stallTimeout());
    }

    @Bean
    CallbackBatchHandler callbackBatchHandler(BatchWriter writer, RecordSender sender, ProcessorMetrics metrics,
                                              OutboxRelay relay, ProcessorProperties props, Clock clock) {
        return new CallbackBatchHandler(new CallbackRecordDecoder(), new DeadLetterPublisher(sender, metrics, clock), writer,
                metrics, relay, props, clock);
    }

    @Bean
    CallbackConsumer callbackConsumer(CallbackReceiver receiver, CallbackBatchHandler handler, ProcessorProperties props) {
        return new CallbackConsumer(receiver, handler, props);
    }

    @Bean
    MediaEventStream mediaEventStream(MediaEventReceiver receiver, ObjectMapper json, ProcessorProperties props) {
        return new MediaEventStream(receiver, json, props);
    }

    @Bean
    MediaQueryRepository mediaQueryRepository(DatabaseClient db) {
        return new MediaQueryRepository(db);
    }

    @Bean
    TaskQueryRepository taskQueryRepository(DatabaseClient db) {
        return new TaskQueryRepository(db);
    }

    @Bean
    ProcessedEventPruner processedEventPruner(DatabaseClient db, ProcessorProperties props, MeterRegistry registry) {
        return new ProcessedEventPruner(db, props.retention(), registry);
    }
}
