package io.vodflow.contract.event;

/** The body is not a VOD event: not JSON, not an object, or without an event type. */
public class VodEventParseException extends IllegalArgumentException {
    public VodEventParseException(String message) { super(message); }

    public VodEventParseException(String message, Throwable cause) { super(message, cause); }
}
