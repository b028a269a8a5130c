package io.vodflow.processor.it;

import io.vodflow.processor.live.MediaEventStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client that reconnects with Last-Event-ID gets the events it missed, once, and only its own; else a reset. */
class LiveStreamResumeIT extends ProcessorItSupport {

    @Autowired
    MediaEventStream stream;

    private record Connection(List<ServerSentEvent<String>> received, Disposable subscription) {
        boolean saw(Predicate<ServerSentEvent<String>> p) {
            return received.stream().anyMatch(p);
        }

        List<ServerSentEvent<String>> events() {
            return received.stream().filter(e -> e.event() != null).toList();
        }
    }

    @Test
    void reconnectingWithTheLastEventIdDeliversWhatWasMissed() {
        await().atMost(Duration.ofSeconds(30)).until(stream::ready);
        String user = "u-resume-" + UUID.randomUUID();
        Ids mine = Ids.fresh();
        Ids theirs = Ids.fresh();
        UUID mySignature = insertSignature(user, false);
        UUID theirSignature = insertSignature("u-resume-other", false);

        Connection first = open(user, null);
        send(mine.fileId(), fixture("v3-new-file-upload.json", mine, codec.issue(mySignature)));
        await().atMost(Duration.ofSeconds(10)).until(() -> first.saw(e -> "UploadLinked".equals(e.event())));
        String lastSeen = first.events().get(first.events().size() - 1).id();
        first.subscription().dispose();

        // while the client is away: its transcode finishes, and another user's upload is linked; a second
        // connection of the user witnesses that the tail has taken the event before the first one comes back
        Connection witness = open(user, null);
        send(theirs.fileId(), fixture("v3-new-file-upload.json", theirs, codec.issue(theirSignature)));
        send(mine.fileId(), fixture("v3-procedure-finish.json", mine, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> witness.saw(e -> "TranscodeFinished".equals(e.event())));
        witness.subscription().dispose();

        Connection resumed = open(user, lastSeen);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.saw(e -> "TranscodeFinished".equals(e.event())));
            assertThat(resumed.events()).extracting(ServerSentEvent::event).containsExactly("TranscodeFinished");
            assertThat(resumed.events().get(0).data()).contains(mine.fileId()).doesNotContain(theirs.fileId());
        } finally {
            resumed.subscription().dispose();
        }
    }

    @Test
    void anUnknownLastEventIdGetsAResetThenLiveEvents() {
        await().atMost(Duration.ofSeconds(30)).until(stream::ready);
        String user = "u-reset-" + UUID.randomUUID();
        Ids ids = Ids.fresh();
        UUID signature = insertSignature(user, false);

        Connection c = open(user, UUID.randomUUID().toString());
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> c.saw(e -> "reset".equals(e.event())));
            send(ids.fileId(), fixture("v3-new-file-upload.json", ids, codec.issue(signature)));
            await().atMost(Duration.ofSeconds(10)).until(() -> c.saw(e -> "UploadLinked".equals(e.event())));
            assertThat(c.events()).extracting(ServerSentEvent::event).containsExactly("reset", "UploadLinked");
            assertThat(c.events().get(0).data()).contains("/v1/users/me/media");
        } finally {
            c.subscription().dispose();
        }
    }

    @Test
    void aHostileLastEventIdIsJustUnknown() {
        await().atMost(Duration.ofSeconds(30)).until(stream::ready);
        for (String hostile : List.of("x".repeat(4000), "' OR 1=1 --", "%00%0d%0a", "\u00e9\u6f22")) {
            Connection c = open("u-hostile-" + UUID.randomUUID(), hostile);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> c.saw(e -> "reset".equals(e.event())));
            } finally {
                c.subscription().dispose();
            }
        }
    }

    /** Opens the user's stream (resuming after {@code lastEventId} when given) and waits until it is live. */
    private Connection open(String user, String lastEventId) {
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v1/users/me/events").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(token(user));
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                }).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().subscribe(received::add);
        Connection c = new Connection(received, subscription);
        await().atMost(Duration.ofSeconds(10)).until(() -> c.saw(e -> "connected".equals(e.comment())));
        return c;
    }
}
