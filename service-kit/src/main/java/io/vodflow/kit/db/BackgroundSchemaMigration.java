package io.vodflow.kit.db;

import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Migrates off the start path when the attempt at start found no database, retrying until it answers, for a service
 * that must start and work without it (the ingress acknowledges callbacks through Kafka alone while Postgres is down).
 * Blocking Flyway runs on boundedElastic, never on an event loop.
 */
public class BackgroundSchemaMigration extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BackgroundSchemaMigration.class);
    private final SchemaMigrator migrator;
    private final boolean migrate;

    BackgroundSchemaMigration(SchemaMigrator migrator, boolean migrate) {
        this.migrator = migrator;
        this.migrate = migrate;
    }

    @Override
    protected Disposable subscribe() {
        if (!migrate || migrator.migrated()) {
            return Disposables.disposed();
        }
        return Mono.fromCallable(migrator::migrate).subscribeOn(Schedulers.boundedElastic())
                // the class only: a driver's message may quote connection details
                .doOnError(e -> log.atWarn().addKeyValue("error", e.getClass().getSimpleName())
                        .log("schema migration failed; the service runs on and retries"))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(result -> { }, e -> { });
    }
}
