package io.vodflow.processor.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vodflow.processor.live.HandFedMediaEvents.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fan-out itself, fed by hand: a subscriber that cannot keep up is ended, then resumes without a gap. */
class MediaEventStreamTest {
    final HandFedMediaEvents fed = new HandFedMediaEvents();

    @AfterEach
    void stop() {
        fed.close();
    }

    @Test
    void aSubscriberThatFallsAWholeBufferBehindIsEndedAfterWhatItHoldsAndResumesFromThere() {
        Recorder<String> slow = new Recorder<>(0);
        fed.stream.events(null).map(MediaEventStreamTest::id).subscribe(slow);
        fed.publish(0, 300);
        assertThat(slow.items).as("nothing requested yet").isEmpty();

        slow.request(Long.MAX_VALUE);
        assertThat(slow.items).as("what the subscriber held when it fell behind").isEqualTo(ids(0, 256));
        assertThat(slow.completed).as("then its stream ended").isTrue();

        List<String> resumed = fed.stream.events(slow.items.get(slow.items.size() - 1)).map(MediaEventStreamTest::id)
                .take(44).collectList().block(Duration.ofSeconds(5));
        assertThat(resumed).as("resuming from the last one held gives the rest, no gap").isEqualTo(ids(256, 300));
    }

    @Test
    void afterTheTailRestartsAnIdFromBeforeItIsAResetNotASilentGap() {
        try (HandFedMediaEvents restarting = new HandFedMediaEvents(Map.of("vodflow.processor.restart-backoff", "10ms"))) {
            restarting.publish(0, 10);
            restarting.failTail();
            await().atMost(Duration.ofSeconds(5)).until(() -> restarting.tails.get() == 2);
            restarting.publish(10, 20);

            LiveItem first = restarting.stream.events("e-5").blockFirst(Duration.ofSeconds(5));
            assertThat(first).as("what was published while no tail ran is unknown here").isInstanceOf(LiveItem.Reset.class);
            List<String> after = restarting.stream.events("e-15").map(MediaEventStreamTest::id).take(4)
                    .collectList().block(Duration.ofSeconds(5));
            assertThat(after).as("events of the new tail resume as before").isEqualTo(ids(16, 20));
        }
    }

    @Test
    void theBufferASlowSubscriberMayFillIsTheConfiguredOneExactly() {
        try (HandFedMediaEvents small = new HandFedMediaEvents(Map.of("vodflow.processor.sse-subscriber-buffer", "100"))) {
            Recorder<String> slow = new Recorder<>(0);
            small.stream.events(null).map(MediaEventStreamTest::id).subscribe(slow);
            small.publish(0, 150);

            slow.request(Long.MAX_VALUE);
            assertThat(slow.items).isEqualTo(ids(0, 100));
            assertThat(slow.completed).isTrue();
        }
    }

    @Test
    void aSubscriberThatKeepsUpGetsEveryEventAndStaysOpen() {
        Recorder<String> live = new Recorder<>(Long.MAX_VALUE);
        fed.stream.events(null).map(MediaEventStreamTest::id).subscribe(live);
        fed.publish(0, 1_000);

        assertThat(live.items).isEqualTo(ids(0, 1_000));
        assertThat(live.completed).isFalse();
        live.dispose();
    }

    private static String id(LiveItem item) {
        return item instanceof LiveItem.Event e ? e.event().eventId() : "reset";
    }
}
