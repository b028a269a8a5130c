package io.vodflow.kit.security;

import io.vodflow.kit.cors.CorsProblemFilter;
import io.vodflow.kit.cors.CorsProperties;
import io.vodflow.kit.openapi.BearerAuthCustomizer;
import io.vodflow.kit.problem.ProblemResponses;
import io.vodflow.kit.secret.PublishedDevDefault;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Stateless JWT resource-server security shared by the services; 401/403 answer problem JSON. */
@AutoConfiguration(before = ReactiveSecurityAutoConfiguration.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties({JwtProperties.class, CorsProperties.class})
public class SecurityConfiguration {

    private static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**");

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties props) {
        ReactiveJwtDecoder decoder = JwtDecoderFactory.create(props);
        return props.verifiedCacheTtl().isZero() ? decoder
                : new CachingJwtDecoder(decoder, props.verifiedCacheTtl(), props.verifiedCacheSize(), props.clockSkew(), Clock.systemUTC());
    }

    /**
     * HS256 on the README's dev secret lets anyone mint tokens, admin ones included, and the sourceContext key is
     * derived from it unless set apart: said at start unless neither applies (JWKS and a key of its own).
     */
    @Bean
    SmartInitializingSingleton jwtSecretDevDefaultWarning(Environment env, JwtProperties props) {
        PublishedDevDefault secret = new PublishedDevDefault("VODFLOW_JWT_SECRET", "vodflow.jwt.secret", "vodflow.dev.jwt-secret");
        boolean used = !props.usesJwks() || env.getProperty("vodflow.source-context.key", "").isBlank();
        return () -> {
            if (used) {
                secret.warnIfInUse(env);
            }
        };
    }

    /**
     * Not even a no-op observation per filter: disabling the observations by property still wraps the chain in a
     * decorator that cost ~3% of the signer's CPU under load; HTTP server metrics stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The firewall's refusals (encoded NUL, slash or dot segments in the path …) as a 400 problem instead of an empty 400. */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemResponses problems) {
        return (exchange, e) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "Malformed request",
                "The request target contains characters or segments that are not allowed");
    }

    /** The OpenAPI description says which operations this chain guards, from the same list of public paths. */
    @Bean
    BearerAuthCustomizer bearerAuthCustomizer(ObjectProvider<PublicPaths> publicPaths, JwtProperties props) {
        return new BearerAuthCustomizer(openPaths(publicPaths), props.usesJwks());
    }

    private static List<String> openPaths(ObjectProvider<PublicPaths> publicPaths) {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        publicPaths.orderedStream().forEach(p -> open.addAll(p.patterns()));
        return open;
    }

    /**
     * The firewall's checks of the path and headers, but any method goes on to authentication and routing as DELETE
     * does, so TRACE or an unknown method on a route is its 405 with {@code Allow}, not a 400 blaming the target.
     * Safe here: access rules go by path alone, so no method slips past them, and nothing in WebFlux echoes a TRACE.
     * Header names and values are checked by the firewall's own rules, evaluated without a regular expression.
     */
    @Bean
    ServerWebExchangeFirewall anyMethodFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        firewall.setAllowedHeaderNames(HeaderTextRules::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderTextRules::isAllowedValue);
        return firewall;
    }

    @Bean
    SecurityWebFilterChain vodflowSecurity(ServerHttpSecurity http, ObjectProvider<PublicPaths> publicPaths,
                                           ProblemResponses problems, CorsProperties cors) {
        List<String> open = openPaths(publicPaths);
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                "Authentication required", "A valid Bearer JWT is required: " + SafeAuthMessage.of(e));
        ServerAccessDeniedHandler forbidden = (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "Forbidden", "The token does not grant access to this resource");
        if (cors.enabled()) {
            http.addFilterAt(new CorsProblemFilter(cors, problems), SecurityWebFiltersOrder.CORS);
        }
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
                        .authenticationEntryPoint(unauthorized)
                        .authenticationFailureHandler(new IssuerOutageFailureHandler(unauthorized, problems))
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(eh -> eh.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }
}
