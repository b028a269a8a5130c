package io.vodflow.ingress.publish;

/** A publish before the callbacks topic was provisioned; the callback goes to the fallback store instead. */
public final class TopicNotReadyException extends RuntimeException {
    public TopicNotReadyException(String topic) {
        super("kafka topic " + topic + " is not provisioned yet", null, false, false);
    }
}
