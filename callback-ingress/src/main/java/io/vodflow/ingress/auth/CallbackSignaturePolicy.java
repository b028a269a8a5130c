package io.vodflow.ingress.auth;

import io.vodflow.contract.callback.CallbackSignatureVerdict;
import io.vodflow.contract.callback.CallbackSignatureVerifier;
import io.vodflow.ingress.http.CallbackRejection;
import io.vodflow.kit.secret.Secret;

import java.time.Clock;
import java.util.Locale;

/**
 * Enforces {@code Sign = MD5(SignKey + T)} with T not passed, when a SignKey is configured; otherwise lets all
 * through. During a rotation the previous SignKey is accepted too, so callbacks VOD signed before it took the new
 * key (or sends while it switches) are not refused: VOD does not retry a refused push.
 */
public final class CallbackSignaturePolicy {
    private final CallbackSignatureVerifier current;
    private final CallbackSignatureVerifier previous;
    private final Clock clock;

    /**
     * @param signKey configured SignKey; null or empty disables the check
     * @param previousSignKey the SignKey being rotated out, also accepted; null or empty = none
     */
    public CallbackSignaturePolicy(Secret signKey, Secret previousSignKey, Clock clock) {
        this.current = verifier(signKey);
        this.previous = current == null ? null : verifier(previousSignKey);
        this.clock = clock;
    }

    private static CallbackSignatureVerifier verifier(Secret key) {
        return key == null || key.isEmpty() ? null : new CallbackSignatureVerifier(key.reveal());
    }

    /** Whether callbacks are checked at all. */
    public boolean enabled() {
        return current != null;
    }

    /**
     * Throws {@link CallbackRejection} (401) unless the fields prove knowledge of a SignKey; says which key they
     * were signed with (UNCHECKED when no SignKey is configured).
     */
    public SignedWith check(SignatureFields fields) {
        if (current == null) {
            return SignedWith.UNCHECKED;
        }
        CallbackSignatureVerdict verdict = current.verify(fields.sign(), fields.t(), clock.instant());
        if (verdict == CallbackSignatureVerdict.VALID) {
            return SignedWith.CURRENT_KEY;
        }
        if (verdict == CallbackSignatureVerdict.MISMATCH && previous != null
                && previous.verify(fields.sign(), fields.t(), clock.instant()) == CallbackSignatureVerdict.VALID) {
            return SignedWith.PREVIOUS_KEY;
        }
        String reason = "signature_" + verdict.name().toLowerCase(Locale.ROOT);
        throw CallbackRejection.unauthorized(reason, switch (verdict) {
            case MISSING -> "Sign and T are required (as top-level body fields, headers or query parameters)";
            case MALFORMED_T -> "T must be a Unix timestamp in decimal seconds";
            case EXPIRED -> "T has passed: the callback signature has expired";
            default -> "Sign does not match MD5(SignKey + T)";
        });
    }

    /** Which SignKey proved a callback authentic. */
    public enum SignedWith { UNCHECKED, CURRENT_KEY, PREVIOUS_KEY }
}
