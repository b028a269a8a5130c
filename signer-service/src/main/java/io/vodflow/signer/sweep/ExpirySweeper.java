package io.vodflow.signer.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.kit.sweep.ChunkedSweep;
import io.vodflow.signer.config.SignerProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Marks ISSUED rows whose expires_at has passed as EXPIRED, every {@code interval}, in chunks. Several instances
 * may sweep at once: {@code FOR UPDATE SKIP LOCKED} hands each a disjoint chunk.
 */
@Component
public class ExpirySweeper extends ChunkedSweep {
    private static final String SWEEP = """
            UPDATE upload_signature s SET state = 'EXPIRED', expired_at = s.expires_at, state_changed_at = s.expires_at
            FROM (SELECT id FROM upload_signature WHERE state = 'ISSUED' AND expires_at <= now()
                  ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
            WHERE s.id = due.id AND s.state = 'ISSUED'""";

    private final DatabaseClient db;

    public ExpirySweeper(DatabaseClient db, SignerProperties props, MeterRegistry registry) {
        super(props.sweeper().enabled(), props.sweeper().interval(), props.sweeper().chunk(), "signature-expiry", "expired",
                registry);
        this.db = db;
    }

    @Override
    protected Mono<Long> chunk(int limit) {
        return db.sql(SWEEP).bind(0, limit).fetch().rowsUpdated();
    }
}
