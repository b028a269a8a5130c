package io.vodflow.kit.page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a newest-first list stopped: the sort instant and the tie-breaking key of the last item shown. The next page
 * starts strictly after it, so rows added meanwhile neither repeat nor shift items, as they do with page numbers.
 * Opaque to clients; it is only a position and grants nothing (every query still filters by the caller's rights).
 */
public record PageCursor(Instant at, String key) {
    private static final int MAX_ENCODED = 400;
    private static final int MAX_KEY = 256;
    // within what Postgres timestamps hold, so no cursor reaches the database as an out-of-range error
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The cursor as the {@code nextCursor} field shows it: base64url of "microseconds.key". */
    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return ENCODER.encodeToString((micros + "." + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty when it is not one {@link #encode()} can have made. */
    public static Optional<PageCursor> decode(String text) {
        if (text.isEmpty() || text.length() > MAX_ENCODED) {
            return Optional.empty();
        }
        try {
            String plain = new String(DECODER.decode(text), StandardCharsets.UTF_8);
            int dot = plain.indexOf('.');
            String key = plain.substring(dot + 1);
            if (dot < 1 || key.isEmpty() || key.length() > MAX_KEY || key.chars().anyMatch(Character::isISOControl)) {
                return Optional.empty(); // control characters included: Postgres refuses a NUL in text
            }
            long micros = Long.parseLong(plain.substring(0, dot));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return at.isBefore(EARLIEST) || at.isAfter(LATEST) ? Optional.empty() : Optional.of(new PageCursor(at, key));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty(); // not base64url, no dot, or not a number (NumberFormatException included)
        }
    }

    /** The key as a UUID, for lists keyed by one; empty when it is not one. */
    public Optional<UUID> uuidKey() {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
