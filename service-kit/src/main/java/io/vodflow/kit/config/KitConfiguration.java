package io.vodflow.kit.config;

import io.vodflow.kit.secret.SecretConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;

/** Infrastructure beans every service needs before its own configuration binds. */
@AutoConfiguration
public class KitConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static SecretConverter secretConverter() {
        return new SecretConverter();
    }
}
