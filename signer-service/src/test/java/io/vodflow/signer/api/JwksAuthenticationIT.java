package io.vodflow.signer.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The signer with an external issuer (VODFLOW_JWT_JWK_SET_URI, _ISSUER, _AUDIENCE, _ROLES_CLAIM): the issuer's
 * RS256 tokens are accepted and its nested roles grant admin, HS256 tokens with the shared secret are refused, and
 * an unreachable JWKS gives 503, not a 500.
 */
class JwksAuthenticationIT extends SignerITSupport {
    private static final String ISSUER = "https://id.example/realms/app";
    private static final RSAKey KEY = generate();
    private static final AtomicBoolean JWKS_UP = new AtomicBoolean(true);
    private static final HttpServer JWKS = serve(new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("vodflow.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/certs");
        registry.add("vodflow.jwt.issuer", () -> ISSUER);
        registry.add("vodflow.jwt.audience", () -> "vodflow");
        registry.add("vodflow.jwt.roles-claim", () -> "realm_access.roles");
        registry.add("vodflow.jwt.verified-cache-ttl", () -> "0s");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Test
    void theIssuersTokensAreAcceptedAndItsNestedAdminRoleIsHonoured() {
        String user = "kc-" + UUID.randomUUID();
        String signature = client.post().uri(PATH).headers(h -> h.setBearerAuth(rs256(user, List.of())))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("signature").toString();
        client.post().uri(PATH + "/verify").headers(h -> h.setBearerAuth(rs256("ops", List.of("admin"))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("signature", signature))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.record.userId").isEqualTo(user);
        client.post().uri(PATH + "/verify").headers(h -> h.setBearerAuth(rs256("not-ops", List.of())))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("signature", signature))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anHs256TokenWithTheSharedSecretIsRefused() {
        client.post().uri(PATH).headers(h -> h.setBearerAuth(tokenFor(newUser())))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnreachableJwksIsA503ProblemNotA500() {
        JWKS_UP.set(false);
        try {
            client.post().uri(PATH).headers(h -> h.setBearerAuth(rs256(newUser(), List.of())))
                    .exchange().expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        } finally {
            JWKS_UP.set(true);
        }
    }

    private static String rs256(String subject, List<String> roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience("vodflow")
                    .claim("realm_access", Map.of("roles", roles)).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("kc-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(byte[] jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", exchange -> {
                if (!JWKS_UP.get()) {
                    exchange.sendResponseHeaders(502, -1);
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
