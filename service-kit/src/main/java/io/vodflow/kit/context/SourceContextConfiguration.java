package io.vodflow.kit.context;

import io.vodflow.contract.context.SourceContextCodec;
import io.vodflow.kit.security.JwtProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The {@link SourceContextCodec} signer and processor agree on, keyed from one configured secret. */
@AutoConfiguration
@EnableConfigurationProperties({SourceContextProperties.class, JwtProperties.class})
public class SourceContextConfiguration {

    @Bean
    SourceContextCodec sourceContextCodec(SourceContextProperties props, JwtProperties jwt) {
        String root = props.key() != null && !props.key().isEmpty() ? props.key().reveal() : jwt.secret().reveal();
        return SourceContextCodec.derivedFrom(root);
    }
}
