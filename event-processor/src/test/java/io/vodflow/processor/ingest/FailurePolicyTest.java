package io.vodflow.processor.ingest;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class FailurePolicyTest {

    @Test
    void outagesAndTimeoutsAreRetriedAndRefusedDataIsNot() {
        assertThat(FailurePolicy.isTransient(new TransientDataAccessResourceException("connection lost"))).isTrue();
        assertThat(FailurePolicy.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(FailurePolicy.isTransient(new TimeoutException())).isTrue();
        assertThat(FailurePolicy.isPermanent(new DataIntegrityViolationException("check violated"))).isTrue();
        assertThat(FailurePolicy.isPermanent(new RuntimeException("wrapped", new IllegalArgumentException("bad")))).isTrue();
    }

    @Test
    void sqlStateDecidesForDriverErrors() {
        assertThat(FailurePolicy.isTransient(new R2dbcRollbackException("deadlock detected", "40P01"))).isTrue();
        assertThat(FailurePolicy.isTransient(new R2dbcNonTransientResourceException("connection refused", "08001"))).isTrue();
        assertThat(FailurePolicy.isTransient(new R2dbcNonTransientResourceException("shutting down", "57P01"))).isTrue();
        assertThat(FailurePolicy.isPermanent(new R2dbcNonTransientResourceException("invalid byte sequence", "22021"))).isTrue();
        assertThat(FailurePolicy.isPermanent(new R2dbcNonTransientResourceException("value too long", "22001"))).isTrue();
        // what Postgres answers for a key too large for its index, wrapped the way Spring reports it
        assertThat(FailurePolicy.isPermanent(new DataAccessResourceFailureException("insert failed",
                new R2dbcNonTransientResourceException("index row size 3032 exceeds btree version 4 maximum 2704", "54000")))).isTrue();
    }

    @Test
    void aSchemaOrGrantFaultIsRetriedNotDeadLettered() {
        // these hold for every record alike: dead-lettering them would move the whole stream to the DLT. The second
        // is wrapped the way Spring's R2DBC support reports it
        assertThat(FailurePolicy.isTransient(new R2dbcBadGrammarException("permission denied for table media", "42501"))).isTrue();
        assertThat(FailurePolicy.isTransient(new R2dbcBadGrammarException("relation \"media_part_deletion\" does not exist", "42P01"))).isTrue();
        assertThat(FailurePolicy.isTransient(new BadSqlGrammarException("apply batch", "INSERT ...",
                new R2dbcBadGrammarException("column \"x\" does not exist", "42703")))).isTrue();
        assertThat(FailurePolicy.isTransient(new DataAccessResourceFailureException("insert failed",
                new R2dbcNonTransientResourceException("feature not supported", "0A000")))).isTrue();
    }
}
