package io.vodflow.contract.callback;

/** Outcome of a callback signature check; every value but VALID is a rejection reason. */
public enum CallbackSignatureVerdict {
    VALID, MISSING, MALFORMED_T, EXPIRED, MISMATCH
}
