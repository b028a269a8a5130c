package io.vodflow.signer.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.kit.sweep.ChunkedSweep;
import io.vodflow.signer.config.SignerProperties;
import io.vodflow.signer.issue.SignatureIds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes rows whose expiry is older than the retention (off unless VODFLOW_SIGNER_SWEEPER_RETENTION is set), in
 * chunks, on the sweeper's schedule. Ids rise with issue time and a row expires after it is issued, so the rows due
 * all sit below the first id of the cut-off: a primary-key range, with no index of its own to keep up on inserts.
 * Rows issued before ids were time-ordered are reached only where their random id falls in that range.
 */
@Component
public class RetiredSignaturePruner extends ChunkedSweep {
    private static final String PRUNE = """
            DELETE FROM upload_signature s
            USING (SELECT id FROM upload_signature WHERE id < $1 AND expires_at < $2
                   ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) due
            WHERE s.id = due.id""";

    private final DatabaseClient db;
    private final Clock clock;
    private final Duration retention;

    public RetiredSignaturePruner(DatabaseClient db, SignerProperties props, Clock clock, MeterRegistry registry) {
        super(props.sweeper().enabled() && props.sweeper().retains(), props.sweeper().interval(), props.sweeper().chunk(),
                "signature-retention", "deleted", registry);
        this.db = db;
        this.clock = clock;
        this.retention = props.sweeper().retention();
    }

    @Override
    protected Mono<Long> chunk(int limit) {
        return Mono.defer(() -> {
            Instant cutoff = clock.instant().minus(retention);
            return db.sql(PRUNE).bind(0, SignatureIds.floor(cutoff)).bind(1, cutoff).bind(2, limit).fetch().rowsUpdated();
        });
    }
}
