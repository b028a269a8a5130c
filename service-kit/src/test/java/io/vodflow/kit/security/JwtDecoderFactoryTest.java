package io.vodflow.kit.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.vodflow.kit.secret.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoder of each JWT mode against real signed tokens; the JWKS is served over HTTP as an issuer would. */
class JwtDecoderFactoryTest {
    private static final String SECRET = "decoder-test-secret-0123456789abcdefghijklmnop";
    private static final String ISSUER = "https://id.example/realms/app";
    private static RSAKey rsa;
    private static ECKey ec;
    private static HttpServer jwks;

    @BeforeAll
    static void serveJwks() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] body = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
    }

    @AfterAll
    static void stopJwks() {
        jwks.stop(0);
    }

    private static JwtProperties props(String jwkSetUri, String issuer, String audience, String rolesClaim) {
        return props(jwkSetUri, issuer, audience, rolesClaim, true);
    }

    private static JwtProperties props(String jwkSetUri, String issuer, String audience, String rolesClaim, boolean requireExpiry) {
        return new JwtProperties(Secret.of(SECRET), jwkSetUri, issuer, audience, rolesClaim, Duration.ofSeconds(30),
                requireExpiry, Duration.ZERO, 10);
    }

    private static JwtProperties jwksMode(String audience, String rolesClaim) {
        return props("http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs", ISSUER, audience, rolesClaim);
    }

    private static String token(JWSAlgorithm alg, String kid, JWSSigner signer, Consumer<JWTClaimsSet.Builder> claims) throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject("user-1").issuer(ISSUER)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.accept(b);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), b.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static Jwt decode(ReactiveJwtDecoder decoder, String token) {
        return decoder.decode(token).block(Duration.ofSeconds(10));
    }

    @Test
    void jwksModeAcceptsTheIssuersRsaAndEcKeysAndReadsNestedRoles() throws Exception {
        ReactiveJwtDecoder decoder = JwtDecoderFactory.create(jwksMode("vodflow", "realm_access.roles"));
        Jwt viaRsa = decode(decoder, token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa),
                c -> c.audience(List.of("account", "vodflow")).claim("realm_access", Map.of("roles", List.of("admin")))));
        assertThat(CurrentUser.from(viaRsa)).isEqualTo(new CurrentUser("user-1", true));
        Jwt viaEc = decode(decoder, token(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), c -> c.audience("vodflow")));
        assertThat(CurrentUser.from(viaEc)).isEqualTo(new CurrentUser("user-1", false));
    }

    @Test
    void withANestedRolesClaimATopLevelRolesClaimGrantsNothing() throws Exception {
        ReactiveJwtDecoder decoder = JwtDecoderFactory.create(jwksMode("vodflow", "realm_access.roles"));
        Jwt jwt = decode(decoder, token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa),
                c -> c.audience("vodflow").claim("roles", List.of("admin"))));
        assertThat(CurrentUser.from(jwt).admin()).isFalse();
    }

    @Test
    void jwksModeRefusesHs256WithTheSharedSecretAForeignKeyAWrongIssuerAndAWrongOrMissingAudience() throws Exception {
        ReactiveJwtDecoder decoder = JwtDecoderFactory.create(jwksMode("vodflow", "roles"));
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        List<String> refused = List.of(
                token(JWSAlgorithm.HS256, "rsa-1", new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), c -> c.audience("vodflow")),
                token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(foreign), c -> c.audience("vodflow")),
                token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), c -> c.audience("vodflow").issuer("https://evil.example")),
                token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), c -> c.audience("another-app")),
                token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), c -> { }));
        for (String t : refused) {
            assertThatThrownBy(() -> decode(decoder, t)).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void secretModeAcceptsHs256AndRefusesTheIssuersKeys() throws Exception {
        ReactiveJwtDecoder decoder = JwtDecoderFactory.create(props(" ", null, "", "roles"));
        Jwt jwt = decode(decoder, token(JWSAlgorithm.HS256, null, new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)),
                c -> c.claim("roles", "admin other")));
        assertThat(CurrentUser.from(jwt)).isEqualTo(new CurrentUser("user-1", true));
        String rs = token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), c -> { });
        assertThatThrownBy(() -> decode(decoder, rs)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenWithoutExpiryIsRefusedUnlessTheOperatorAllowsIt() throws Exception {
        MACSigner signer = new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8));
        String forever = token(JWSAlgorithm.HS256, null, signer, c -> c.expirationTime(null));
        assertThatThrownBy(() -> decode(JwtDecoderFactory.create(props(null, null, null, "roles")), forever))
                .isInstanceOf(JwtException.class);
        assertThat(decode(JwtDecoderFactory.create(props(null, null, null, "roles", false)), forever).getSubject())
                .isEqualTo("user-1");
        String jwksForever = token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), c -> c.expirationTime(null));
        assertThatThrownBy(() -> decode(JwtDecoderFactory.create(jwksMode(null, "roles")), jwksForever))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenWhoseSubCannotBeAUserIdIsRefused() throws Exception {
        ReactiveJwtDecoder decoder = JwtDecoderFactory.create(props(null, null, null, "roles"));
        MACSigner signer = new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8));
        List<Consumer<JWTClaimsSet.Builder>> refused = List.of(c -> c.subject(null), c -> c.subject(""), c -> c.subject("  "),
                c -> c.subject("a\u0000b"), c -> c.subject("line\nbreak"), c -> c.subject("u".repeat(SubjectValidator.MAX_LENGTH + 1)));
        for (Consumer<JWTClaimsSet.Builder> claims : refused) {
            String t = token(JWSAlgorithm.HS256, null, signer, claims);
            assertThatThrownBy(() -> decode(decoder, t)).isInstanceOf(JwtException.class);
        }
        // lone surrogates only survive as JSON escapes (UTF-8 cannot carry them), so those payloads are written by hand
        for (String sub : List.of("lone\\ud800", "\\udc00x")) {
            JWSObject raw = new JWSObject(new JWSHeader(JWSAlgorithm.HS256),
                    new Payload("{\"sub\":\"" + sub + "\",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}"));
            raw.sign(signer);
            assertThatThrownBy(() -> decode(decoder, raw.serialize())).as(sub).isInstanceOf(JwtException.class);
        }
        // RFC 7519: sub is a string. A number would be stringified lossily (both of these as "1.2345678901234568E22")
        for (String sub : List.of("12345678901234567890123", "12345678901234567890124", "42", "1.5", "true", "[\"u-1\"]",
                "{\"id\":\"u-1\"}")) {
            JWSObject raw = new JWSObject(new JWSHeader(JWSAlgorithm.HS256),
                    new Payload("{\"sub\":" + sub + ",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}"));
            raw.sign(signer);
            assertThatThrownBy(() -> decode(decoder, raw.serialize())).as(sub).isInstanceOf(JwtException.class);
        }
        for (String sub : List.of("auth0|5f7c8ec7c33c6c004bbafe82", "用户-\ud83d\ude00", "u".repeat(SubjectValidator.MAX_LENGTH))) {
            assertThat(CurrentUser.from(decode(decoder, token(JWSAlgorithm.HS256, null, signer, c -> c.subject(sub)))).userId())
                    .isEqualTo(sub);
        }
    }
}
