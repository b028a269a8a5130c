package io.vodflow.signer.issue;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * The 201 answer: the signature to hand to the VOD upload SDK, its record id, sourceContext and validity;
 * {@code replayed} true (absent otherwise) when a retry's Idempotency-Key got the signature first issued for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedSignature(
        UUID id,
        String signature,
        String sourceContext,
        Instant issuedAt,
        Instant expiresAt,
        boolean oneTime,
        String procedure,
        Long vodSubAppId,
        String storageRegion,
        Boolean replayed) {
}
