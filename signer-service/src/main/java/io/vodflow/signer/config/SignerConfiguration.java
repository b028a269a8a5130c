package io.vodflow.signer.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans of the signer that are not components: the clock and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
public class SignerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI signerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("vodflow signer-service").version("v1")
                        .description("Issues Tencent Cloud VOD client-upload signatures to authenticated users and records each one."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
