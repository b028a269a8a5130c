package io.vodflow.signer.config;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.vodflow.kit.openapi.ProblemMembers;
import io.vodflow.kit.secret.PublishedDevDefault;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/** Beans of the signer that are not components: the clock, the dev-key warning, JSON strictness and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
public class SignerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The README's dev VOD key pair signs nothing VOD accepts, yet an operator should hear it is in use. */
    @Bean
    SmartInitializingSingleton vodSecretKeyDevDefaultWarning(Environment env) {
        PublishedDevDefault key = new PublishedDevDefault("VODFLOW_VOD_SECRET_KEY", "vodflow.signer.keys.primary.secret-key",
                "vodflow.dev.vod-secret-key");
        return () -> key.warnIfInUse(env);
    }

    /**
     * No number or boolean for a text field ({@code "procedure": true} would be signed as "true"): the coercion
     * setting of application.yml covers text to number only.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer textFieldsTakeOnlyStrings() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    OpenAPI signerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("vodflow signer-service").version("v1")
                        .description("Issues Tencent Cloud VOD client-upload signatures to authenticated users and records each one."));
    }

    /** The members the signer's problems add to RFC 9457's, for the OpenAPI description's Problem schema. */
    @Bean
    ProblemMembers signerProblemMembers() {
        return ProblemMembers.of(
                "rule", "The rule a 409, 422 or 429 enforces: a policy rule such as ttl.max, rate-limit or "
                        + "oneTime.outstanding, idempotency.reused, idempotency.spent, or keys.unknown for a key switch",
                "nextExpiryAt", "With rule oneTime.outstanding: when the first held one-time signature expires (ISO-8601)",
                "state", "With a 409: the state of the signature that cannot be revoked (USED or EXPIRED), or that the "
                        + "Idempotency-Key was first used for (USED, EXPIRED or REVOKED)");
    }
}
