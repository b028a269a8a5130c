package io.vodflow.signer.config;

import io.vodflow.kit.secret.SecretConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The module's application.yml maps the operators' environment variables onto {@link SignerProperties}. */
class SignerPropertiesBindingTest {

    private static SignerProperties bind(Map<String, Object> environment) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(new SecretConverter());
        Binder binder = new Binder(ConfigurationPropertySources.get(env), new PropertySourcesPlaceholdersResolver(env), conversion);
        return binder.bindOrCreate("vodflow.signer", SignerProperties.class);
    }

    @Test
    void vodKeyPairComesFromTheDocumentedVariables() throws Exception {
        SignerProperties props = bind(Map.of("VODFLOW_VOD_SECRET_ID", "AKIDfromEnv", "VODFLOW_VOD_SECRET_KEY", "key-from-env"));
        assertThat(props.activeKey()).isEqualTo("primary");
        assertThat(props.keys()).containsOnlyKeys("primary");
        assertThat(props.keys().get("primary").secretId()).isEqualTo("AKIDfromEnv");
        assertThat(props.keys().get("primary").secretKey().reveal()).isEqualTo("key-from-env");
        assertThat(props.policy().defaultTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(props.limits().burst()).isEqualTo(30);
    }

    @Test
    void aSecondPairAddedThroughTheEnvironmentJoinsThePrimaryAndCanBecomeActive() throws Exception {
        SignerProperties props = bind(Map.of("VODFLOW_VOD_SECRET_ID", "AKIDold", "VODFLOW_VOD_SECRET_KEY", "old-key",
                "VODFLOW_SIGNER_KEYS_NEXT_SECRETID", "AKIDnew", "VODFLOW_SIGNER_KEYS_NEXT_SECRETKEY", "new-key",
                "VODFLOW_VOD_ACTIVE_KEY", "next"));
        assertThat(props.keys()).containsOnlyKeys("primary", "next");
        assertThat(props.keys().get("next").secretId()).isEqualTo("AKIDnew");
        assertThat(props.activeKey()).isEqualTo("next");
        assertThat(props.isActiveKeyConfigured()).isTrue();
    }
}
