package io.vodflow.ingress;

import io.vodflow.kit.context.SourceContextConfiguration;
import io.vodflow.kit.security.SecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * callback-ingress: takes VOD event notifications (push and reliable pull) and makes them durable in Kafka.
 * It serves no end-user endpoint: VOD cannot send a JWT and authenticates with Sign/T and the path token, and
 * actuator and the API description are public in every service. So the JWT filter chain, which cost a third of
 * the throughput of the callback path, is not installed here; its default response headers are set outside
 * the callback paths by {@link io.vodflow.ingress.http.SecurityHeadersFilter}. Nor is the sourceContext codec: the
 * ingress never reads one, so it needs no JWT secret to derive its key from.
 */
@SpringBootApplication(exclude = {SecurityConfiguration.class, SourceContextConfiguration.class, ReactiveSecurityAutoConfiguration.class,
        ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class,
        ReactiveManagementWebSecurityAutoConfiguration.class})
@ConfigurationPropertiesScan
public class CallbackIngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallbackIngressApplication.class, args);
    }
}
