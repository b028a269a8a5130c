package io.vodflow.ingress.auth;

import io.vodflow.contract.callback.CallbackSignatureVerdict;
import io.vodflow.contract.callback.CallbackSignatureVerifier;
import io.vodflow.ingress.http.CallbackRejection;
import io.vodflow.kit.secret.Secret;

import java.time.Clock;
import java.util.Locale;

/** Enforces {@code Sign = MD5(SignKey + T)} with T not passed, when a SignKey is configured; otherwise lets all through. */
public final class CallbackSignaturePolicy {
    private final CallbackSignatureVerifier verifier;
    private final Clock clock;

    /** @param signKey configured SignKey; null or empty disables the check */
    public CallbackSignaturePolicy(Secret signKey, Clock clock) {
        this.verifier = signKey == null || signKey.isEmpty() ? null : new CallbackSignatureVerifier(signKey.reveal());
        this.clock = clock;
    }

    /** Whether callbacks are checked at all. */
    public boolean enabled() {
        return verifier != null;
    }

    /** Throws {@link CallbackRejection} (401) unless the fields prove knowledge of the SignKey. */
    public void check(SignatureFields fields) {
        if (verifier == null) {
            return;
        }
        CallbackSignatureVerdict verdict = verifier.verify(fields.sign(), fields.t(), clock.instant());
        if (verdict == CallbackSignatureVerdict.VALID) {
            return;
        }
        String reason = "signature_" + verdict.name().toLowerCase(Locale.ROOT);
        throw CallbackRejection.unauthorized(reason, switch (verdict) {
            case MISSING -> "Sign and T are required (as top-level body fields, headers or query parameters)";
            case MALFORMED_T -> "T must be a Unix timestamp in decimal seconds";
            case EXPIRED -> "T has passed: the callback signature has expired";
            default -> "Sign does not match MD5(SignKey + T)";
        });
    }
}
