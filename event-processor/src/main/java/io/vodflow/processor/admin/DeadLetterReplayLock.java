package io.vodflow.processor.admin;

import io.vodflow.kit.db.TransactionLock;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One dead-letter replay at a time across every processor instance: {@link TransactionLock#DEAD_LETTER_REPLAY}
 * held for as long as the replay runs. Two replays at once would read from the same committed offsets of the replay group and
 * move each dead letter twice (harmless to the tables, since the copies share a dedupe id, but the DLT fills up).
 */
@Component
public class DeadLetterReplayLock {
    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public DeadLetterReplayLock(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** Runs {@code work} holding the lock, or gives {@code busy} when another instance holds it. */
    public <T> Mono<T> exclusively(Mono<T> work, Mono<T> busy) {
        return tx.transactional(TransactionLock.DEAD_LETTER_REPLAY.tryTake(db).flatMap(locked -> locked ? work : busy));
    }
}
