package io.vodflow.processor.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.kafka.RecordSender;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Scheduler;

/** The reconciler, only when vodflow.processor.reconcile.enabled=true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "vodflow.processor.reconcile", name = "enabled", havingValue = "true")
public class ReconcileConfiguration {

    @Bean
    TaskReconciler taskReconciler(DatabaseClient db, RecordSender sender, ProcessorProperties props, Scheduler blockingScheduler,
                                  MeterRegistry meters) {
        return new TaskReconciler(new StaleTaskRepository(db), new VodTaskClient(props.reconcile()), sender, props.reconcile(),
                blockingScheduler, meters);
    }
}
