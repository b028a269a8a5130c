package io.vodflow.processor.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.kit.sweep.ChunkedSweep;
import io.vodflow.processor.config.ProcessorProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Deletes dedupe ids older than the retention from {@code processed_event}, which otherwise grows by a row per
 * event forever. Safe because dedupe is only the first guard: a copy redelivered after its id was pruned meets the
 * forward-only upserts (status ranks, attribution decided once, terminal subtasks) and changes no state; a domain
 * event it re-sends carries the id it had, as any duplicate does. Keep the retention above the topic's retention,
 * the longest a consumer-group reset can replay. Several instances may prune at once: {@code FOR UPDATE SKIP LOCKED}
 * hands each a disjoint chunk.
 */
public class ProcessedEventPruner extends ChunkedSweep {
    private static final String PRUNE = """
            DELETE FROM processed_event p
            USING (SELECT dedupe_id FROM processed_event WHERE processed_at < now() - $1::float8 * interval '1 second'
                   ORDER BY processed_at LIMIT $2 FOR UPDATE SKIP LOCKED) old
            WHERE p.dedupe_id = old.dedupe_id""";

    private final DatabaseClient db;
    private final Duration retention;

    public ProcessedEventPruner(DatabaseClient db, ProcessorProperties.Retention cfg, MeterRegistry registry) {
        super(cfg.enabled(), cfg.interval(), cfg.chunk(), "processed-event-retention", "pruned", registry);
        this.db = db;
        this.retention = cfg.processedEvents();
    }

    @Override
    protected Mono<Long> chunk(int limit) {
        return db.sql(PRUNE).bind(0, (double) retention.toSeconds()).bind(1, limit).fetch().rowsUpdated();
    }
}
