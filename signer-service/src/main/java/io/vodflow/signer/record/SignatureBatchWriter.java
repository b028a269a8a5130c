package io.vodflow.signer.record;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.signer.config.BatchProperties;
import io.vodflow.signer.config.SignerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Group commit for signature rows. A row is written at once when fewer than {@code maxInFlight} statements run;
 * otherwise it waits, and every row that waited goes in the next single multi-row statement. An idle signer thus
 * adds no delay, and a busy one spends one round trip on up to {@code maxSize} rows instead of one per row.
 * Each caller's Mono completes when its statement commits: true if inserted, false if its random collided.
 */
@Component
public class SignatureBatchWriter {
    private static final Logger log = LoggerFactory.getLogger(SignatureBatchWriter.class);

    private record Pending(NewSignature row, MonoSink<Boolean> sink) { }

    private final DatabaseClient db;
    private final BatchProperties cfg;
    private final DistributionSummary batchRows;
    private final Object lock = new Object();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int inFlight;

    public SignatureBatchWriter(DatabaseClient db, SignerProperties props, MeterRegistry meters) {
        this.db = db;
        this.cfg = props.batch();
        this.batchRows = DistributionSummary.builder("vodflow.signer.insert.batch.rows")
                .description("Rows written per insert statement").register(meters);
    }

    /** Inserts the row; emits true once committed, false if (secretId, second, random) was taken. */
    public Mono<Boolean> insert(NewSignature row) {
        return Mono.create(sink -> submit(new Pending(row, sink)));
    }

    private void submit(Pending pending) {
        List<Pending> batch;
        synchronized (lock) {
            if (waiting.size() >= cfg.maxWaiting()) {
                pending.sink().error(new SignerBusyException());
                return;
            }
            waiting.add(pending);
            batch = takeIfSlotFree();
        }
        if (batch != null) {
            write(batch);
        }
    }

    /** Called with the lock held. */
    private List<Pending> takeIfSlotFree() {
        if (inFlight >= cfg.maxInFlight() || waiting.isEmpty()) {
            return null;
        }
        inFlight++;
        List<Pending> batch = new ArrayList<>(Math.min(cfg.maxSize(), waiting.size()));
        while (batch.size() < cfg.maxSize() && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        batchRows.record(batch.size());
        statement(batch, true).doFinally(signal -> writeNext()).subscribe();
    }

    /**
     * Runs one statement and settles every caller in it. When Postgres refuses the data of a multi-row statement
     * (a constraint or a value it cannot store), its rows are written again one at a time, so only the row at
     * fault fails; a store that is down or slow fails them all, since retrying row by row would only add load.
     */
    private Mono<Void> statement(List<Pending> rows, boolean isolateRefusal) {
        // deferred so that even a failure while binding reaches the callers
        return Flux.defer(() -> SignatureInsertStatement.run(db, rows.stream().map(Pending::row).toList()))
                .collect(() -> (Set<UUID>) new HashSet<UUID>(), Set::add)
                .timeout(cfg.timeout())
                .doOnNext(inserted -> rows.forEach(p -> p.sink().success(inserted.contains(p.row().id()))))
                .then()
                .onErrorResume(error -> {
                    if (isolateRefusal && rows.size() > 1 && refusedData(error)) {
                        log.atWarn().addKeyValue("rows", rows.size()).addKeyValue("error", error.getClass().getSimpleName())
                                .log("signature insert refused by the database; writing its rows one at a time");
                        return Flux.fromIterable(rows).concatMap(p -> statement(List.of(p), false)).then();
                    }
                    log.atWarn().addKeyValue("rows", rows.size()).addKeyValue("error", error.getClass().getSimpleName())
                            .log("signature insert failed");
                    SignatureStoreUnavailableException unavailable = new SignatureStoreUnavailableException(error);
                    rows.forEach(p -> p.sink().error(unavailable));
                    return Mono.empty();
                });
    }

    /** Postgres answered and refused the statement itself, as opposed to being unreachable or out of time. */
    private static boolean refusedData(Throwable error) {
        return error instanceof NonTransientDataAccessException && !(error instanceof DataAccessResourceFailureException);
    }

    private void writeNext() {
        List<Pending> batch;
        synchronized (lock) {
            inFlight--;
            batch = takeIfSlotFree();
        }
        if (batch != null) {
            write(batch);
        }
    }
}
