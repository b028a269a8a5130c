package io.vodflow.ingress.fallback;

import io.vodflow.ingress.publish.CallbackRecord;

/** A callback kept in the fallback store; {@code id} gives the arrival order. */
public record StoredCallback(long id, CallbackRecord record) {
}
