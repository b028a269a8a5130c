package io.vodflow.contract.event;

/**
 * Reads {@link CallbackRouting} from a raw body. The dedupe id is a SHA-256 over the event with
 * {@code EventHandle}, {@code Sign} and {@code T} removed, so a redelivery hashes the same.
 */
public final class CallbackRoutingReader {

    /** Throws {@link VodEventParseException} for non-JSON, non-object or type-less bodies. */
    public CallbackRouting read(byte[] body) {
        throw new UnsupportedOperationException("TODO");
    }
}
