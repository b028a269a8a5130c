package io.vodflow.signer.sweep;

import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import io.vodflow.signer.config.SignerProperties;
import io.vodflow.signer.config.SweeperProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Marks ISSUED rows whose expires_at has passed as EXPIRED, every {@code interval}, in chunks. Several instances
 * may sweep at once: {@code FOR UPDATE SKIP LOCKED} hands each a disjoint chunk.
 */
@Component
public class ExpirySweeper extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final String SWEEP = """
            UPDATE upload_signature s SET state = 'EXPIRED', expired_at = now(), state_changed_at = now()
            FROM (SELECT id FROM upload_signature WHERE state = 'ISSUED' AND expires_at <= now()
                  ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
            WHERE s.id = due.id AND s.state = 'ISSUED'""";

    private final DatabaseClient db;
    private final SweeperProperties cfg;

    public ExpirySweeper(DatabaseClient db, SignerProperties props) {
        this.db = db;
        this.cfg = props.sweeper();
    }

    /** One sweep: chunks until a chunk comes back short; emits the rows marked. */
    public Mono<Long> sweepOnce() {
        return chunk().expand(n -> n < cfg.chunk() ? Mono.empty() : chunk()).reduce(0L, Long::sum);
    }

    private Mono<Long> chunk() {
        return db.sql(SWEEP).bind(0, cfg.chunk()).fetch().rowsUpdated().timeout(Duration.ofSeconds(30));
    }

    @Override
    protected Disposable subscribe() {
        if (!cfg.enabled()) {
            return Disposables.disposed();
        }
        return Flux.interval(cfg.interval(), cfg.interval())
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce().onErrorResume(e -> {
                    log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("expiry sweep failed; retrying next interval");
                    return Mono.just(0L);
                }), 0)
                .filter(n -> n > 0)
                .subscribe(n -> log.atInfo().addKeyValue("expired", n).log("expired signatures marked"));
    }
}
