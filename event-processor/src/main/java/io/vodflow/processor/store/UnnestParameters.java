package io.vodflow.processor.store;

import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One array parameter per column, for {@code INSERT ... SELECT FROM unnest($1::text[], ...)}: a whole batch in
 * one statement and one round trip. UUIDs and instants travel as text and are cast in SQL.
 */
final class UnnestParameters<T> {
    private final List<T> rows;
    private final List<Object> arrays = new ArrayList<>();

    UnnestParameters(List<T> rows) {
        this.rows = rows;
    }

    UnnestParameters<T> text(Function<T, String> column) {
        arrays.add(rows.stream().map(column).map(UnnestParameters::withoutNul).toArray(String[]::new));
        return this;
    }

    // Postgres text cannot hold U+0000, which JSON may carry as an escape; dropping it beats refusing the event
    private static String withoutNul(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    /** A JSON text column (cast to jsonb): without NUL characters and without {@code \\u0000} escapes, which jsonb refuses. */
    UnnestParameters<T> json(Function<T, String> column) {
        return text(r -> withoutNulEscapes(column.apply(r)));
    }

    // walks escape pairs, so an escaped backslash followed by "u0000" (text, not a NUL) stays as it is
    static String withoutNulEscapes(String json) {
        if (json == null || !json.contains("\\u0000")) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && json.startsWith("u0000", i + 1)) {
                i += 5;
            } else if (c == '\\' && i + 1 < json.length()) {
                out.append(c).append(json.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    UnnestParameters<T> int4(Function<T, Integer> column) {
        arrays.add(rows.stream().map(column).toArray(Integer[]::new));
        return this;
    }

    UnnestParameters<T> int8(Function<T, Long> column) {
        arrays.add(rows.stream().map(column).toArray(Long[]::new));
        return this;
    }

    UnnestParameters<T> float8(Function<T, Double> column) {
        arrays.add(rows.stream().map(column).toArray(Double[]::new));
        return this;
    }

    UnnestParameters<T> uuid(Function<T, UUID> column) {
        return text(r -> {
            UUID id = column.apply(r);
            return id == null ? null : id.toString();
        });
    }

    UnnestParameters<T> instant(Function<T, Instant> column) {
        return text(r -> {
            Instant t = column.apply(r);
            return t == null ? null : t.toString();
        });
    }

    /** The column arrays, $1..$n in order (the JDBC baseline of the benchmark binds the same ones). */
    List<Object> arrays() {
        return arrays;
    }

    /** Binds the arrays as $(offset+1)..$(offset+n) of a larger statement. */
    DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, int offset) {
        for (int i = 0; i < arrays.size(); i++) {
            spec = spec.bind(offset + i, arrays.get(i));
        }
        return spec;
    }

    int size() {
        return arrays.size();
    }

    /** Binds the arrays as $1..$n in the order they were added. */
    DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        for (int i = 0; i < arrays.size(); i++) {
            spec = spec.bind(i, arrays.get(i));
        }
        return spec;
    }
}
