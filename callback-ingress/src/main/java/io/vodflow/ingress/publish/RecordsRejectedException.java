package io.vodflow.ingress.publish;

import java.util.List;

/**
 * Kafka refused records for what they are (too large for the topic, invalid), not for the state of the cluster:
 * sending them again cannot succeed until an operator changes the limits, so callers set them aside instead of
 * retrying them in front of everything else.
 */
public final class RecordsRejectedException extends RuntimeException {
    private final transient List<Integer> positions;

    /** @param positions the refused records' positions in the list given to the publisher (0 for a single record) */
    public RecordsRejectedException(List<Integer> positions, Throwable cause) {
        super("kafka refused " + positions.size() + " record(s): " + cause.getClass().getSimpleName(), cause);
        this.positions = List.copyOf(positions);
    }

    /** The positions of the refused records, ascending. */
    public List<Integer> positions() {
        return positions;
    }

    /**
     * Kafka's reason, for logs and the parked row: its type and message, which say whose limit it was (the producer's
     * max.request.size or the topic's max.message.bytes).
     */
    public String reason() {
        String reason = getCause().getClass().getSimpleName() + ": " + getCause().getMessage();
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
}
