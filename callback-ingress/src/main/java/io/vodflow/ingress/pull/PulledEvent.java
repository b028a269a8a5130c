package io.vodflow.ingress.pull;

/**
 * One event from PullEvents.
 *
 * @param handle the EventHandle to confirm once the event is durable in Kafka
 * @param body   the event as a push body: the EventSet item without its EventHandle
 */
public record PulledEvent(String handle, byte[] body) {
}
