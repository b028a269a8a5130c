package io.vodflow.kit.security;

import io.vodflow.emulator.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final List<String> verified = new ArrayList<>();

    /** Verifies "good-*" tokens (expiring 10 minutes after NOW) and refuses anything else, recording each call. */
    private final ReactiveJwtDecoder delegate = token -> {
        verified.add(token);
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("forged"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "HS256").subject(token.substring(5))
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(10))).build());
    };

    private CachingJwtDecoder decoder(Clock clock) {
        return new CachingJwtDecoder(delegate, Duration.ofMinutes(5), 100, Duration.ofSeconds(30), clock);
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgain() {
        CachingJwtDecoder decoder = decoder(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(decoder.decode("good-alice").block().getSubject()).isEqualTo("alice");
        assertThat(decoder.decode("good-alice").block().getSubject()).isEqualTo("alice");
        assertThat(decoder.decode("good-bob").block().getSubject()).isEqualTo("bob");
        assertThat(verified).containsExactly("good-alice", "good-bob");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        CachingJwtDecoder decoder = decoder(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void aRememberedTokenGoesBackToTheDelegateOncePastItsExpiryAndSkew() {
        MutableClock clock = new MutableClock(NOW);
        CachingJwtDecoder decoder = decoder(clock);
        decoder.decode("good-alice").block();
        clock.advance(Duration.ofMinutes(10).plusSeconds(29));
        decoder.decode("good-alice").block();
        assertThat(verified).hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        decoder.decode("good-alice").block();
        assertThat(verified).hasSize(2);
    }
}
