package io.vodflow.processor.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Writes upload_signature rows as the signer would (the processor only reads and marks them). */
public final class SignatureRows {
    private SignatureRows() { }

    /** Inserts an ISSUED signature for {@code userId} and returns its id. */
    public static UUID insert(Sql sql, String userId, boolean oneTime) {
        UUID id = UUID.randomUUID();
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sql.update("""
                INSERT INTO upload_signature (id, user_id, secret_id, random, issued_epoch, issued_at, expires_at, one_time,
                    source_context, state, state_changed_at)
                VALUES (?, ?, 'AKIDtest', ?, ?, ?, ?, ?, 'n/a', 'ISSUED', now())
                """, id, userId, ThreadLocalRandom.current().nextLong(0, 4_294_967_295L), issued.getEpochSecond(),
                Timestamp.from(issued), Timestamp.from(issued.plus(Duration.ofHours(1))), oneTime);
        return id;
    }
}
