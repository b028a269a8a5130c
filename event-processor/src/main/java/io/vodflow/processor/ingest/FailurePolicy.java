package io.vodflow.processor.ingest;

import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import java.util.Set;

/**
 * Separates failures a retry can fix (database down, timeouts, deadlocks, serialisation) from those it
 * cannot (a row the database refuses, a bug on one record's data). The first are retried with backoff and
 * the offsets stay uncommitted; the second are isolated record by record and dead-lettered. A fault of the schema or
 * of the database role (a table missing, a grant not given) is retried: it is no record's fault.
 */
public final class FailurePolicy {
    // SQLSTATE classes that one record's data causes: data exception, integrity violation, program limit exceeded
    // (e.g. 54000, a value too large for an index row). Every value is bound, so the rest (42 undefined table or
    // missing grant, 0A, 2B, 2F) is the schema's, a role's or the code's fault and holds for every record alike:
    // dead-lettering would empty the stream into the DLT, so they are retried and the consumer shows as stalled
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "23", "54");

    private FailurePolicy() { }

    public static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r && r.getSqlState() != null && r.getSqlState().length() >= 2) {
                return PERMANENT_SQL_CLASSES.contains(r.getSqlState().substring(0, 2));
            }
            if (t instanceof DataIntegrityViolationException || t instanceof InvalidDataAccessApiUsageException
                    || t instanceof IllegalArgumentException
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
