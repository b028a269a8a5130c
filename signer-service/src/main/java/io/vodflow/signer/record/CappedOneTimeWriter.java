package io.vodflow.signer.record;

import io.r2dbc.spi.ConnectionFactory;
import io.vodflow.signer.config.SignerProperties;
import io.vodflow.signer.limit.OneTimeCapReachedException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Writes a one-time row only while its user holds fewer than the cap of unused ones, exactly, across requests and
 * signer instances: a per-user advisory lock for the transaction, then the count, then the insert. Counting before
 * a group-committed insert let concurrent requests all pass on the same count.
 */
@Component
public class CappedOneTimeWriter {
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1, 7101)) IS NULL AS unused";
    private final DatabaseClient db;
    private final SignatureRepository repository;
    private final TransactionalOperator transactional;
    private final Duration timeout;
    private final Clock clock;

    public CappedOneTimeWriter(DatabaseClient db, SignatureRepository repository, ConnectionFactory connections,
                               SignerProperties props, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.transactional = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        this.timeout = props.batch().timeout();
        this.clock = clock;
    }

    /** True once committed, false if its random collided; {@link OneTimeCapReachedException} when the user is at the cap. */
    public Mono<Boolean> insert(NewSignature row, int cap) {
        Mono<Boolean> guarded = db.sql(LOCK).bind(0, row.userId()).map(r -> 1).first()
                .then(repository.outstandingOneTime(row.userId()))
                .flatMap(held -> held.held() >= cap ? Mono.error(OneTimeCapReachedException.of(cap, held, clock.instant()))
                        : SignatureInsertStatement.run(db, List.of(row)).hasElements());
        return transactional.transactional(guarded).timeout(timeout)
                .onErrorMap(e -> !(e instanceof OneTimeCapReachedException), SignatureStoreUnavailableException::new);
    }
}
