package io.vodflow.kit.testing;

import io.vodflow.kit.secret.SecretConverter;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Binds a module's {@code *Properties} record the way Boot does (Secret conversion included), for unit tests. */
public final class PropertiesBinding {

    /** Binds {@code prefix} from property values given by their canonical names ({@code vodflow.x.y}). */
    public static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(values)), null, conversions());
        return binder.bindOrCreate(prefix, type);
    }

    /** Binds {@code prefix} from the module's application.yml with {@code environment} as the process environment. */
    public static <T> T bindFromEnvironment(String prefix, Class<T> type, Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        // only the given environment, ahead of everything else, as the real one is for a service
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(env.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Binder binder = new Binder(ConfigurationPropertySources.get(env), new PropertySourcesPlaceholdersResolver(env), conversions());
        return binder.bindOrCreate(prefix, type);
    }

    private static ApplicationConversionService conversions() {
        ApplicationConversionService conversions = new ApplicationConversionService();
        conversions.addConverter(new SecretConverter());
        return conversions;
    }

    private PropertiesBinding() { }
}
