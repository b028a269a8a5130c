package io.vodflow.kit.secret;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;

/** Binds configuration strings to {@link Secret} so properties records never hold a printable secret. */
@ConfigurationPropertiesBinding
public class SecretConverter implements Converter<String, Secret> {
    @Override
    public Secret convert(String source) {
        return Secret.of(source);
    }
}
