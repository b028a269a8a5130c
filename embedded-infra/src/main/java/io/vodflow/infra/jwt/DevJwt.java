package io.vodflow.infra.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints HS256 end-user JWTs (sub = user id, optional {@code roles}) as the services expect them, for tests and demos. */
public final class DevJwt {

    /** The claim whose list marks an operator when it contains {@code admin}. */
    public static final String ROLES_CLAIM = "roles";

    private DevJwt() {
    }

    /**
     * A compact JWT signed with the UTF-8 bytes of {@code secret} (at least 32 bytes, as HS256 requires), issued now
     * and expiring after {@code ttl}; the {@code roles} claim is left out when {@code roles} is null or empty.
     */
    public static String mint(String secret, String subject, List<String> roles, Duration ttl) {
        return mint(secret, subject, roles, Instant.now(), ttl);
    }

    /** As {@link #mint(String, String, List, Duration)} but issued at {@code issuedAt} (e.g. in the past, to get an expired token). */
    public static String mint(String secret, String subject, List<String> roles, Instant issuedAt, Duration ttl) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)));
        if (roles != null && !roles.isEmpty()) {
            claims.claim(ROLES_CLAIM, List.copyOf(roles));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            // never echo the secret, only what is wrong with it
            throw new IllegalArgumentException("Cannot sign an HS256 JWT: the secret must be at least 32 bytes ("
                    + secret.getBytes(StandardCharsets.UTF_8).length + " given)", e);
        }
        return jwt.serialize();
    }
}
