package io.vodflow.emulator.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Event configuration per sub-application (SubAppId 0 = the primary application), shared by the API servers. */
public final class EventConfigStore {

    private final Map<Long, EventConfig> bySubApp = new ConcurrentHashMap<>();

    /** The configuration of this sub-app now (the defaults when it was never modified); for tests too. */
    public EventConfig current(long subAppId) {
        return bySubApp.getOrDefault(subAppId, EventConfig.defaults());
    }

    /** Replaces the configuration of this sub-app, e.g. to start a test from a given state. */
    public void set(long subAppId, EventConfig config) {
        bySubApp.put(subAppId, config);
    }

    /** Applies a change atomically. */
    EventConfig update(long subAppId, UnaryOperator<EventConfig> change) {
        return bySubApp.compute(subAppId, (id, known) -> change.apply(known == null ? EventConfig.defaults() : known));
    }
}
