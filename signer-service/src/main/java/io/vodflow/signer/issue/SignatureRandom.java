package io.vodflow.signer.issue;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/** Draws the signature's {@code random}: uniform over 0..4294967295 (VOD's documented unsigned 32-bit range). */
@Component
public class SignatureRandom {
    private static final long BOUND = 1L << 32;
    private final SecureRandom random = new SecureRandom();

    /** The next random value. */
    public long next() {
        return random.nextLong(BOUND);
    }
}
