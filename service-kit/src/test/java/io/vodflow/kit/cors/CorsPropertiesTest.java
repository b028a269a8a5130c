package io.vodflow.kit.cors;

import io.vodflow.kit.config.VodflowDefaultsPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** VODFLOW_CORS_ALLOWED_ORIGINS reaches the record; unset means CORS off; ill-formed origins are refused at start. */
class CorsPropertiesTest {

    @Test
    void unsetVariableMeansNoCrossOriginAccess() {
        CorsProperties props = bindFrom(Map.of());

        assertThat(props.enabled()).isFalse();
        assertThat(props.allowedOrigins()).isEmpty();
        assertThat(props.maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(props.isOriginsWellFormed()).isTrue();
    }

    @Test
    void commaSeparatedOriginsFromTheEnvironment() {
        CorsProperties props = bindFrom(Map.of("VODFLOW_CORS_ALLOWED_ORIGINS", "https://app.example.com,https://*.tenant.example.com"));

        assertThat(props.enabled()).isTrue();
        assertThat(props.allowedOrigins()).containsExactly("https://app.example.com", "https://*.tenant.example.com");
        assertThat(props.isOriginsWellFormed()).isTrue();
    }

    @Test
    void acceptsPortsPlainHttpAndAnyOrigin() {
        assertThat(new CorsProperties(List.of("http://localhost:5173", "https://[::1]:8443", "*"), Duration.ofMinutes(5))
                .isOriginsWellFormed()).isTrue();
    }

    @Test
    void refusesOriginsABrowserNeverSends() {
        for (String bad : List.of("https://app.example.com/", "https://app.example.com/path", "app.example.com",
                "ftp://app.example.com", "https://app.example.com?x=1", "**", "")) {
            assertThat(new CorsProperties(List.of(bad), Duration.ofHours(1)).isOriginsWellFormed()).as(bad).isFalse();
        }
    }

    private static CorsProperties bindFrom(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        new VodflowDefaultsPostProcessor().postProcessEnvironment(env, new SpringApplication());
        return Binder.get(env).bindOrCreate("vodflow.cors", CorsProperties.class);
    }
}
