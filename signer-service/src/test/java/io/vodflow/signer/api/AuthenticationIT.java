package io.vodflow.signer.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.vodflow.infra.jwt.DevJwt;
import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationIT extends SignerITSupport {

    @Test
    void noTokenIs401ProblemAndNoRowIsWritten() {
        long before = rows();
        expect401(client.post().uri(PATH).exchange());
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void tokenSignedWithAnotherSecretIs401() {
        String forged = DevJwt.mint("another-secret-that-is-long-enough-0123456789", "mallory", List.of("admin"), Duration.ofMinutes(5));
        expect401(client.post().uri(PATH).headers(h -> h.setBearerAuth(forged)).exchange());
    }

    @Test
    void expiredTokenIs401() {
        String expired = DevJwt.mint(JWT_SECRET, "late", List.of(), Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5));
        expect401(client.post().uri(PATH).headers(h -> h.setBearerAuth(expired)).exchange())
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("expired"));
    }

    @Test
    void aTokenThatNeverExpiresIs401AndWritesNoRow() throws Exception {
        long before = rows();
        SignedJWT forever = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("forever").build());
        forever.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        expect401(client.post().uri(PATH).headers(h -> h.setBearerAuth(forever.serialize()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange())
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("exp"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void tokenWithAnotherAlgorithmIs401() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alg-switcher")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        hs512.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        expect401(client.post().uri(PATH).headers(h -> h.setBearerAuth(hs512.serialize())).exchange());
        String none = new PlainJWT(claims).serialize();
        expect401(client.post().uri(PATH).headers(h -> h.setBearerAuth(none)).exchange());
    }

    @Test
    void aTokenWhoseSubCannotBeAUserIdIs401NotAFailedInsert() throws Exception {
        long before = rows();
        for (String sub : new String[] {null, "a\u0000b"}) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(sub).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            token.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
            expect401(client.post().uri(PATH).headers(h -> h.setBearerAuth(token.serialize()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange())
                    .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("sub claim"));
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void twoAuthorizationHeadersAre401EvenWhenBothHoldValidTokens() {
        long before = rows();
        String alice = DevJwt.mint(JWT_SECRET, "alice", List.of(), Duration.ofMinutes(5));
        String bob = DevJwt.mint(JWT_SECRET, "bob", List.of(), Duration.ofMinutes(5));
        expect401(client.post().uri(PATH).header("Authorization", "Bearer " + alice, "Bearer " + bob)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange())
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("more than one Authorization header"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void garbageTokenIs401() {
        expect401(client.get().uri(PATH + "/00000000-0000-0000-0000-000000000000")
                .headers(h -> h.setBearerAuth("not.a.jwt")).exchange());
    }

    private static WebTestClient.BodyContentSpec expect401(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    private static long rows() {
        return (Long) query("SELECT count(*) AS n FROM upload_signature").get(0).get("n");
    }
}
