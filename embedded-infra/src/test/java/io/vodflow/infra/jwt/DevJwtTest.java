package io.vodflow.infra.jwt;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevJwtTest {

    private static final String SECRET = "dev-jwt-secret-at-least-32-bytes-long!";

    @Test
    void tokenVerifiesWithTheSecretAndCarriesSubjectRolesAndLifetime() throws Exception {
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        SignedJWT jwt = SignedJWT.parse(DevJwt.mint(SECRET, "user-42", List.of("admin", "uploader"), issued, Duration.ofMinutes(5)));

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("user-42");
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin", "uploader");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(issued);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(issued.plus(Duration.ofMinutes(5)));
    }

    @Test
    void tokenDoesNotVerifyWithAnotherSecret() throws Exception {
        SignedJWT jwt = SignedJWT.parse(DevJwt.mint(SECRET, "user-1", List.of(), Duration.ofMinutes(1)));

        assertThat(jwt.verify(new MACVerifier("another-secret-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)))).isFalse();
    }

    @Test
    void tokenWithoutRolesHasNoRolesClaim() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(DevJwt.mint(SECRET, "user-1", null, Duration.ofMinutes(1))).getJWTClaimsSet();

        assertThat(claims.getClaims()).doesNotContainKey("roles");
    }

    @Test
    void springResourceServerDecoderAcceptsFreshTokensAndRejectsExpiredOnes() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).build();

        Jwt decoded = decoder.decode(DevJwt.mint(SECRET, "user-7", List.of("admin"), Duration.ofMinutes(1)));
        String expired = DevJwt.mint(SECRET, "user-7", List.of(), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));

        assertThat(decoded.getSubject()).isEqualTo("user-7");
        assertThat(decoded.getClaimAsStringList("roles")).containsExactly("admin");
        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void shortSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> DevJwt.mint("too-short-secret", "u", List.of(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("too-short-secret");
    }
}
