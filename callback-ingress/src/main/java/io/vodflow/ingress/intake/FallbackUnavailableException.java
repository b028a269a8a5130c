package io.vodflow.ingress.intake;

/** Neither Kafka nor the fallback store kept the callback, so it must not be acknowledged. */
public class FallbackUnavailableException extends RuntimeException {
    public FallbackUnavailableException(Throwable cause) {
        super("neither Kafka nor the fallback store accepted the callback", cause);
    }
}
