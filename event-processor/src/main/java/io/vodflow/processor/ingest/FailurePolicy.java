package io.vodflow.processor.ingest;

import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import java.util.Set;

/**
 * Separates failures a retry can fix (database down, timeouts, deadlocks, serialisation) from those it
 * cannot (a row the database refuses, a bug on one record's data). The first are retried with backoff and
 * the offsets stay uncommitted; the second are isolated record by record and dead-lettered.
 */
public final class FailurePolicy {
    // SQLSTATE classes no retry fixes: data exception, integrity violation, syntax/undefined object, bad cursor/txn
    // use, feature not supported, program limit exceeded (e.g. 54000, a value too large for an index row)
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "23", "42", "2B", "2F", "0A", "54");

    private FailurePolicy() { }

    public static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r && r.getSqlState() != null && r.getSqlState().length() >= 2) {
                return PERMANENT_SQL_CLASSES.contains(r.getSqlState().substring(0, 2));
            }
            if (t instanceof DataIntegrityViolationException || t instanceof InvalidDataAccessApiUsageException
                    || t instanceof InvalidDataAccessResourceUsageException || t instanceof IllegalArgumentException
                    || t instanceof NullPointerException || t instanceof ClassCastException
                    || t instanceof IndexOutOfBoundsException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable e) {
        return !isPermanent(e);
    }
}
