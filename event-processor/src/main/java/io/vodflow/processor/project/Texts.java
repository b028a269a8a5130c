package io.vodflow.processor.project;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The lenient text handling VOD payloads need: "" means absent, timestamps may be malformed. */
final class Texts {
    // the years Postgres' timestamptz text input takes in ISO form; a time outside them would fail the whole batch
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Texts() { }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** ISO-8601 instant, or null when absent, not parseable (VOD sends "" for "not yet") or outside years 1–9999. */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            Instant at = Instant.parse(s.trim());
            return at.isBefore(EARLIEST) || at.isAfter(LATEST) ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
