package io.vodflow.signer.issue;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signature ids as RFC 9562 version-7 UUIDs: the issue millisecond, then a counter within it, then 62 random bits.
 * Ids of one instance rise with issue time, so lists sorted by (issuedAt, id), where issuedAt has whole seconds
 * only, are newest first within a second too and a list cursor never meets a signature issued after it; the
 * primary key index also grows at its right edge instead of at random pages.
 */
@Component
public class SignatureIds {
    private static final int COUNTER_BITS = 12;
    private static final long VARIANT = Long.MIN_VALUE; // the RFC 9562 variant bits 10 atop the random ones
    private final SecureRandom random = new SecureRandom();
    // (millisecond << 12 | counter) of the last id: the next is above it even if the clock stalls or steps back
    private final AtomicLong last = new AtomicLong();

    /** A new id for a signature issued at {@code now}. */
    public UUID next(Instant now) {
        long floor = now.toEpochMilli() << COUNTER_BITS;
        long stamp = last.accumulateAndGet(floor, (prev, min) -> Math.max(prev + 1, min));
        return new UUID(high(stamp), random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | VARIANT);
    }

    /** The lowest id this class can give a signature issued at {@code at} or later. */
    public static UUID floor(Instant at) {
        return new UUID(high(at.toEpochMilli() << COUNTER_BITS), VARIANT);
    }

    /** The upper 64 bits for a (millisecond, counter) stamp: 48-bit millisecond, version 7, 12-bit counter. */
    private static long high(long stamp) {
        return (stamp >>> COUNTER_BITS) << 16 | 0x7000L | (stamp & 0xFFFL);
    }
}
