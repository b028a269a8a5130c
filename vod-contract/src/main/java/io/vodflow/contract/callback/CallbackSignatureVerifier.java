package io.vodflow.contract.callback;

import java.time.Instant;

/** Checks VOD's callback signature {@code Sign = MD5(SignKey + T)} and that T has not passed. */
public final class CallbackSignatureVerifier {

    /** @param signKey the VOD callback SignKey; never printed. */
    public CallbackSignatureVerifier(String signKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Constant-time check; case-insensitive hex. */
    public CallbackSignatureVerdict verify(String sign, String t, Instant now) {
        throw new UnsupportedOperationException("TODO");
    }
}
