package io.vodflow.processor.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.vodflow.processor.live.HandFedMediaEvents.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The SSE body a client reads: an opening comment with a reconnect delay, its events, and an end when it lags. */
class UserEventsHandlerTest {
    final HandFedMediaEvents fed = new HandFedMediaEvents();
    final UserEventsHandler handler = new UserEventsHandler(fed.stream, fed.props, Clock.systemUTC());

    @AfterEach
    void stop() {
        fed.close();
    }

    @Test
    void aClientTooSlowToKeepUpHasItsResponseEndedSoItReconnectsWithLastEventId() {
        Recorder<ServerSentEvent<Object>> slow = new Recorder<>(1);
        handler.events(jwt("u-1"), null).subscribe(slow);
        assertThat(slow.items).singleElement().satisfies(opening -> {
            assertThat(opening.comment()).isEqualTo("connected");
            assertThat(opening.retry()).isEqualTo(Duration.ofSeconds(1));
        });

        fed.publish(0, 300);
        slow.request(Long.MAX_VALUE);
        var received = slow.items.stream().skip(1).map(ServerSentEvent::id).toList();
        // the stream's own buffer plus what the response pipeline prefetched, oldest first, without a gap
        assertThat(received.size()).isBetween(256, 299);
        assertThat(received).isEqualTo(ids(0, received.size()));
        assertThat(slow.completed).as("the response ends, heartbeat or not").isTrue();
    }

    @Test
    void aClientThatKeepsUpStaysConnectedAndSeesOnlyItsOwnEvents() {
        Recorder<ServerSentEvent<Object>> other = new Recorder<>(Long.MAX_VALUE);
        Recorder<ServerSentEvent<Object>> owner = new Recorder<>(Long.MAX_VALUE);
        handler.events(jwt("u-2"), null).subscribe(other);
        handler.events(jwt("u-1"), null).subscribe(owner);
        fed.publish(0, 500);

        assertThat(owner.items.stream().skip(1).map(ServerSentEvent::id).toList()).isEqualTo(ids(0, 500));
        assertThat(other.items).as("only the opening comment").hasSize(1);
        assertThat(owner.completed || other.completed).isFalse();
        owner.dispose();
        other.dispose();
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() {
        Recorder<ServerSentEvent<Object>> client = new Recorder<>(Long.MAX_VALUE);
        Jwt expiring = Jwt.withTokenValue("t").header("alg", "HS256").subject("u-1")
                .expiresAt(Instant.now().plusMillis(500)).build();
        handler.events(expiring, null).subscribe(client);
        fed.publish(0, 3);
        assertThat(client.items.stream().skip(1).map(ServerSentEvent::id).toList()).isEqualTo(ids(0, 3));
        assertThat(client.completed).as("open while the token is valid").isFalse();

        await().atMost(Duration.ofSeconds(5)).until(() -> client.completed);
        fed.publish(3, 5);
        assertThat(client.items).as("nothing after the expiry").hasSize(4);
    }

    @Test
    void aTokenExpiringCenturiesAheadStreamsLikeOneWithoutExpiry() {
        Recorder<ServerSentEvent<Object>> client = new Recorder<>(Long.MAX_VALUE);
        // 10^15 s from the epoch: a Duration that long overflows the nanoseconds a timed take() needs
        Jwt farFuture = Jwt.withTokenValue("t").header("alg", "HS256").subject("u-1")
                .expiresAt(Instant.ofEpochSecond(1_000_000_000_000_000L)).build();
        handler.events(farFuture, null).subscribe(client);
        fed.publish(0, 3);
        assertThat(client.error).isNull();
        assertThat(client.items.stream().skip(1).map(ServerSentEvent::id).toList()).isEqualTo(ids(0, 3));
        assertThat(client.completed).isFalse();
        client.dispose();
    }

    private static Jwt jwt(String user) {
        return Jwt.withTokenValue("t").header("alg", "HS256").subject(user).build();
    }
}
