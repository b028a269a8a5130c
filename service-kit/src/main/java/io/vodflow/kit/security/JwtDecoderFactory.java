package io.vodflow.kit.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Nimbus decoder {@link JwtProperties} describe: HS256 with the shared secret, or the asymmetric algorithms
 * of an issuer's JWKS (an HS256 token is then refused, so the secret cannot stand in for the issuer's key); validators
 * for time, issuer, audience and a usable {@code sub}; and the configured roles claim copied to {@code roles}, which {@link CurrentUser} reads.
 */
public final class JwtDecoderFactory {
    private static final List<SignatureAlgorithm> ASYMMETRIC = List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
            SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512);

    private JwtDecoderFactory() { }

    /** The decoder, without the verified-token cache. */
    public static ReactiveJwtDecoder create(JwtProperties props) {
        NimbusReactiveJwtDecoder decoder = props.usesJwks()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(props.jwkSetUri().strip())
                        .jwsAlgorithms(algorithms -> algorithms.addAll(ASYMMETRIC)).build()
                : NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(props.secret().bytes(), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validator(props));
        String path = props.rolesClaim();
        if (!"roles".equals(path)) {
            MappedJwtClaimSetConverter defaults = MappedJwtClaimSetConverter.withDefaults(Map.of());
            decoder.setClaimSetConverter(claims -> {
                Map<String, Object> converted = new HashMap<>(defaults.convert(claims));
                // only the configured claim grants roles: a top-level "roles" the issuer did not mean is dropped
                Object roles = lookup(claims, path);
                if (roles == null) {
                    converted.remove("roles");
                } else {
                    converted.put("roles", roles);
                }
                return converted;
            });
        }
        // Nimbus reports an unreachable JWKS as IllegalStateException, which Spring Security would pass on as a 500; as a
        // (non-bad-token) JwtException it becomes the AuthenticationServiceException that IssuerOutageFailureHandler answers
        return token -> decoder.decode(token).onErrorMap(e -> !(e instanceof JwtException),
                e -> new JwtException("token issuer keys unavailable", e));
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties props) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(props.clockSkew()));
        if (props.requireExpiry()) {
            validators.add(new ExpiryRequiredValidator());
        }
        validators.add(new SubjectValidator());
        if (props.issuer() != null && !props.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(props.issuer().strip()));
        }
        if (props.audience() != null && !props.audience().isBlank()) {
            String audience = props.audience().strip();
            validators.add(new JwtClaimValidator<Object>("aud", aud -> aud instanceof Collection<?> c
                    ? c.stream().anyMatch(audience::equals) : audience.equals(aud)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** The value at a dotted path of nested claim objects, or null. */
    static Object lookup(Map<String, Object> claims, String path) {
        Object at = claims;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }
}
