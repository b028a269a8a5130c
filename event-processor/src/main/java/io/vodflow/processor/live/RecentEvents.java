package io.vodflow.processor.live;

import io.vodflow.processor.kafka.MediaEventReceiver.TailedEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The latest tailed media events, oldest first, bounded; not thread-safe (its owner holds a lock). */
final class RecentEvents {
    private final int capacity;
    private final ArrayDeque<TailedEvent> events;

    RecentEvents(int capacity) {
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    void append(TailedEvent event) {
        if (capacity == 0) {
            return;
        }
        if (events.size() == capacity) {
            events.pollFirst();
        }
        events.addLast(event);
    }

    /** Forgets every event held (after a gap in the tail, none of them can promise "nothing missed after me"). */
    void clear() {
        events.clear();
    }

    /** The events after the one with {@code eventId}, oldest first; empty when it is not (or no longer) held. */
    Optional<List<TailedEvent>> after(String eventId) {
        if (eventId == null) {
            return Optional.empty();
        }
        // newest first: a reconnecting client usually missed only the last few
        List<TailedEvent> later = new ArrayList<>();
        for (Iterator<TailedEvent> it = events.descendingIterator(); it.hasNext(); ) {
            TailedEvent e = it.next();
            if (Objects.equals(e.eventId(), eventId)) {
                Collections.reverse(later);
                return Optional.of(later);
            }
            later.add(e);
        }
        return Optional.empty();
    }
}
