package io.vodflow.infra;

import io.vodflow.infra.kafka.KafkaBroker;

/** The JVM-wide broker as tests see it: usable by all, stoppable by none (a restart test takes its own broker). */
final class SharedKafkaBroker implements KafkaBroker {

    private final KafkaBroker delegate;

    SharedKafkaBroker(KafkaBroker delegate) {
        this.delegate = delegate;
    }

    @Override
    public String bootstrapServers() {
        return delegate.bootstrapServers();
    }

    @Override
    public void stop() {
        throw refused("stop");
    }

    @Override
    public void start() {
        throw refused("start");
    }

    @Override
    public boolean isRunning() {
        return delegate.isRunning();
    }

    @Override
    public boolean isRestartable() {
        return false;
    }

    @Override
    public void close() {
        throw refused("close");
    }

    void shutdown() {
        delegate.close();
    }

    private static UnsupportedOperationException refused(String action) {
        return new UnsupportedOperationException("Tests share this broker, so it cannot " + action
                + "; take a private one with VodflowInfra.get().newKafkaBroker()");
    }

    @Override
    public String toString() {
        return "shared " + delegate;
    }
}
