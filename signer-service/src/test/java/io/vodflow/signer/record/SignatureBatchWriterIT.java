package io.vodflow.signer.record;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureBatchWriterIT extends SignerITSupport {

    @Autowired
    SignatureBatchWriter writer;
    @Autowired
    MeterRegistry meters;

    private static NewSignature row(String user, long epoch, long random) {
        return new NewSignature(UUID.randomUUID(), user, "AKIDbatch", random, epoch, epoch + 60, false, null, null, null, null,
                null, null, null, null, "127.0.0.1", "ctx", null, null);
    }

    @Test
    void rowsArrivingWhileStatementsRunShareOneStatementAndAllCommit() {
        String user = newUser();
        long epoch = Instant.now().getEpochSecond();
        DistributionSummary statements = meters.find("vodflow.signer.insert.batch.rows").summary();
        long before = statements.count();
        List<Mono<Boolean>> inserts = IntStream.range(0, 200).mapToObj(i -> writer.insert(row(user, epoch, 10_000L + i))).toList();
        List<Boolean> outcomes = Flux.merge(inserts).collectList().block(Duration.ofSeconds(30));
        assertThat(outcomes).hasSize(200).containsOnly(true);
        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ?", user)).hasSize(200);
        assertThat(statements.count() - before).as("insert statements for 200 rows").isLessThan(200);
    }

    @Test
    void aCollidingRowFailsAloneWhileItsBatchNeighboursCommit() {
        String user = newUser();
        long epoch = Instant.now().getEpochSecond() + 100;
        // 50 rows at once: most share a statement; rows 30 and 31 claim the same (secretId, second, random)
        List<Mono<Boolean>> inserts = IntStream.range(0, 50)
                .mapToObj(i -> writer.insert(row(user, epoch, i == 31 ? 30L : i))).toList();
        List<Boolean> outcomes = Flux.mergeSequential(inserts).collectList().block(Duration.ofSeconds(30));
        assertThat(outcomes).hasSize(50);
        assertThat(outcomes.get(30) ^ outcomes.get(31)).as("exactly one of the twins is inserted").isTrue();
        assertThat(outcomes.stream().filter(ok -> !ok)).hasSize(1);
        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ?", user)).hasSize(49);
    }

    @Test
    void aRowPostgresRefusesFailsAloneWhileItsBatchNeighboursCommit() {
        String user = newUser();
        long epoch = Instant.now().getEpochSecond() + 200;
        DistributionSummary statements = meters.find("vodflow.signer.insert.batch.rows").summary();
        long before = statements.count();
        // row 25's client context holds a NUL, which Postgres text cannot store (requests with one are refused
        // before they get here; it stands for any row the database turns down)
        List<NewSignature> rows = IntStream.range(0, 50).mapToObj(i -> row(user, epoch, 500L + i)).toList();
        NewSignature bad = rows.get(25);
        List<Mono<String>> inserts = rows.stream()
                .map(r -> r != bad ? r : new NewSignature(r.id(), user, "AKIDbatch", r.random(), epoch, epoch + 60, false,
                        null, null, null, null, null, null, null, "bad\u0000", "127.0.0.1", "ctx", null, null))
                .map(r -> writer.insert(r).map(inserted -> inserted ? "inserted" : "collided")
                        .onErrorResume(SignatureStoreUnavailableException.class, e -> Mono.just("failed")))
                .toList();
        List<String> outcomes = Flux.mergeSequential(inserts).collectList().block(Duration.ofSeconds(30));
        assertThat(statements.count() - before).as("first statements for 50 rows, so the refused row shared one")
                .isLessThan(25);
        assertThat(outcomes.get(25)).isEqualTo("failed");
        assertThat(outcomes.stream().filter("inserted"::equals)).hasSize(49);
        assertThat(query("SELECT id FROM upload_signature WHERE user_id = ?", user)).hasSize(49);
    }
}
