package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * VOD's reliable-callback queue: events wait in arrival order; a pulled event is invisible until it is
 * confirmed or its handle expires, then it is pullable again under a new handle. Every operation holds the
 * queue's lock, so no event is ever handed to two pullers at once.
 */
final class EventQueue {

    private record Queued(long seq, ObjectNode body, int deliveries) {
    }

    private record InFlight(Queued event, Instant deadline) {
    }

    /** One event handed to a puller under a fresh handle. */
    record Delivery(String handle, ObjectNode body) {
    }

    private final TreeMap<Long, Queued> ready = new TreeMap<>();
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    private final List<Sinks.Empty<Void>> waiters = new ArrayList<>();
    private final Duration visibilityTimeout;
    private final AtomicLong pulled = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private long nextSeq;

    EventQueue(Duration visibilityTimeout) {
        this.visibilityTimeout = visibilityTimeout;
    }

    void add(ObjectNode body) {
        List<Sinks.Empty<Void>> toWake;
        synchronized (this) {
            long seq = nextSeq++;
            ready.put(seq, new Queued(seq, body, 0));
            toWake = List.copyOf(waiters);
            waiters.clear();
        }
        toWake.forEach(Sinks.Empty::tryEmitEmpty);
    }

    /** Up to {@code max} events; when there are none, {@code wake} is registered to fire on the next arrival. */
    synchronized List<Delivery> takeOrRegister(int max, Instant now, Sinks.Empty<Void> wake) {
        reclaimExpired(now);
        List<Delivery> out = new ArrayList<>();
        while (out.size() < max && !ready.isEmpty()) {
            Queued event = ready.pollFirstEntry().getValue();
            Queued delivered = new Queued(event.seq(), event.body(), event.deliveries() + 1);
            String handle = newHandle();
            inFlight.put(handle, new InFlight(delivered, now.plus(visibilityTimeout)));
            out.add(new Delivery(handle, event.body()));
            pulled.incrementAndGet();
            if (delivered.deliveries() > 1) {
                redelivered.incrementAndGet();
            }
        }
        if (out.isEmpty()) {
            waiters.add(wake);
        }
        return out;
    }

    synchronized void unregister(Sinks.Empty<Void> wake) {
        waiters.remove(wake);
    }

    /** Time until the earliest in-flight event becomes pullable again, if any is in flight. */
    synchronized Optional<Duration> untilNextRedelivery(Instant now) {
        return inFlight.values().stream().map(InFlight::deadline).min(Instant::compareTo)
                .map(deadline -> deadline.isAfter(now) ? Duration.between(now, deadline) : Duration.ZERO);
    }

    /** Confirms all handles or none; returns the first unknown or expired handle, if any. */
    synchronized Optional<String> confirmAll(List<String> handles, Instant now) {
        reclaimExpired(now);
        for (String handle : handles) {
            if (!inFlight.containsKey(handle)) {
                return Optional.of(handle);
            }
        }
        handles.forEach(handle -> {
            if (inFlight.remove(handle) != null) {
                confirmed.incrementAndGet();
            }
        });
        return Optional.empty();
    }

    synchronized int pending() {
        return ready.size() + inFlight.size();
    }

    long pulled() { return pulled.get(); }

    long confirmed() { return confirmed.get(); }

    long redelivered() { return redelivered.get(); }

    private void reclaimExpired(Instant now) {
        for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext(); ) {
            InFlight flight = it.next();
            if (!flight.deadline().isAfter(now)) {
                it.remove();
                ready.put(flight.event().seq(), flight.event());
            }
        }
    }

    private static String newHandle() {
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
