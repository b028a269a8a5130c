package io.vodflow.kit.security;

import io.vodflow.kit.problem.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Stateless JWT resource-server security shared by the services; 401/403 answer problem JSON. */
@AutoConfiguration(before = ReactiveSecurityAutoConfiguration.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    private static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**");

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties props) {
        NimbusReactiveJwtDecoder decoder = props.jwkSetUri() != null
                ? NimbusReactiveJwtDecoder.withJwkSetUri(props.jwkSetUri().toString()).build()
                : NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(props.secret().bytes(), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256).build();
        var validators = new ArrayList<org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt>>();
        validators.add(new JwtTimestampValidator(props.clockSkew()));
        if (props.issuer() != null && !props.issuer().isBlank()) {
            validators.add(JwtValidators.createDefaultWithIssuer(props.issuer()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return props.verifiedCacheTtl().isZero() ? decoder
                : new CachingJwtDecoder(decoder, props.verifiedCacheTtl(), props.verifiedCacheSize(), props.clockSkew(), Clock.systemUTC());
    }

    @Bean
    SecurityWebFilterChain vodflowSecurity(ServerHttpSecurity http, ObjectProvider<PublicPaths> publicPaths,
                                           ProblemResponses problems) {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        publicPaths.orderedStream().forEach(p -> open.addAll(p.patterns()));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // stateless: without this the chain keeps the security context in a WebSession, created on every
                // request that reads it; and no anonymous token, a missing JWT is refused as unauthenticated anyway
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .authorizeExchange(ex -> ex.pathMatchers(open.toArray(String[]::new)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenConverter(new BearerTokenReader())
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "A valid Bearer JWT is required: " + SafeAuthMessage.of(e)))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Forbidden", "The token does not grant access to this resource")))
                .exceptionHandling(eh -> eh
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "A valid Bearer JWT is required: " + SafeAuthMessage.of(e)))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Forbidden", "The token does not grant access to this resource")))
                .build();
    }
}
