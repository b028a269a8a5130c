package io.vodflow.signer.issue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureIdsTest {
    private final SignatureIds ids = new SignatureIds();

    /** Postgres compares uuids byte by byte, unsigned: the order the lists sort by. */
    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void idsAreVersion7WithTheIssueMillisecondUpFront() {
        Instant now = Instant.parse("2026-12-07T13:45:10.123Z");
        UUID id = ids.next(now);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void idsRiseWithinOneMillisecondAndWhenTheClockStepsBack() {
        Instant now = Instant.parse("2026-12-07T13:45:10.123Z");
        List<UUID> drawn = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // more than the 4,096 a millisecond's counter holds
            drawn.add(ids.next(now));
        }
        drawn.add(ids.next(now.minusSeconds(5)));
        drawn.add(ids.next(now.plusSeconds(1)));
        assertThat(drawn).isSortedAccordingTo(SignatureIdsTest::unsigned);
        assertThat(new HashSet<>(drawn)).hasSameSizeAs(drawn);
        assertThat(drawn.get(drawn.size() - 1).getMostSignificantBits() >>> 16).isEqualTo(now.plusSeconds(1).toEpochMilli());
    }

    @Test
    void theLowBitsAreRandom() {
        Instant now = Instant.parse("2026-12-07T13:45:10.123Z");
        assertThat(ids.next(now).getLeastSignificantBits()).isNotEqualTo(ids.next(now).getLeastSignificantBits());
    }
}
