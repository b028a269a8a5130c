package io.vodflow.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers tokens the delegate verified, so a client that reuses its token is not re-verified (signature and
 * JSON) on every request. Only verified tokens are kept, each at most {@code ttl} and never past its {@code exp}
 * (with the same clock skew the validator allows); a forged or expired token always reaches the delegate.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {
    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Jwt> verified;
    private final Duration clockSkew;
    private final Clock clock;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Duration ttl, long maxTokens, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(ttl).build();
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (unexpired(known)) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !clock.instant().minus(clockSkew).isAfter(expiresAt);
    }
}
