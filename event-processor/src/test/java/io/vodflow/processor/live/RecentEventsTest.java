package io.vodflow.processor.live;

import io.vodflow.processor.kafka.MediaEventReceiver.TailedEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay window: what came after an id, oldest first; unknown or evicted ids are reported as such. */
class RecentEventsTest {

    @Test
    void givesTheEventsAfterTheIdOldestFirst() {
        RecentEvents recent = filled(5, "a", "b", "c", "d");

        assertThat(ids(recent.after("b").orElseThrow())).containsExactly("c", "d");
        assertThat(recent.after("d")).hasValue(List.of());
    }

    @Test
    void unknownIdIsNotFound() {
        assertThat(filled(5, "a", "b").after("zzz")).isEmpty();
    }

    @Test
    void evictsTheOldestBeyondCapacity() {
        RecentEvents recent = filled(3, "a", "b", "c", "d", "e");

        assertThat(recent.after("b")).as("evicted").isEmpty();
        assertThat(ids(recent.after("c").orElseThrow())).containsExactly("d", "e");
    }

    @Test
    void zeroCapacityHoldsNothing() {
        assertThat(filled(0, "a", "b").after("a")).isEmpty();
    }

    @Test
    void eventsWithoutAnIdAreKeptButNeverMatch() {
        RecentEvents recent = filled(5, "a");
        recent.append(new TailedEvent(null, "{}".getBytes(StandardCharsets.UTF_8)));
        recent.append(new TailedEvent("b", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(recent.after("a").orElseThrow()).hasSize(2);
        assertThat(recent.after(null)).isEmpty();
    }

    private static RecentEvents filled(int capacity, String... ids) {
        RecentEvents recent = new RecentEvents(capacity);
        for (String id : ids) {
            recent.append(new TailedEvent(id, ("{\"eventId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        return recent;
    }

    private static List<String> ids(List<TailedEvent> events) {
        return events.stream().map(TailedEvent::eventId).toList();
    }
}
