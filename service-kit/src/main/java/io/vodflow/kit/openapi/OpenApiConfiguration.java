package io.vodflow.kit.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.TreeMap;

/** Completes each service's OpenAPI description with its problem answers ({@link ProblemResponsesCustomizer}). */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiConfiguration {

    @Bean
    ProblemResponsesCustomizer problemResponsesCustomizer(ObjectProvider<ProblemMembers> members) {
        Map<String, String> all = new TreeMap<>();
        members.orderedStream().forEach(m -> all.putAll(m.descriptions()));
        return new ProblemResponsesCustomizer(all);
    }
}
