package io.vodflow.processor.project;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The lenient text handling VOD payloads need: "" means absent, timestamps may be malformed. */
final class Texts {
    private Texts() { }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** ISO-8601 instant, or null when absent or not parseable (VOD sends "" for "not yet"). */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
