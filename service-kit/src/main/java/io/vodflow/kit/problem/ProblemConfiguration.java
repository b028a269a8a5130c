package io.vodflow.kit.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** Registers the problem-JSON writer and the catch-all exception handler. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class ProblemConfiguration {

    @Bean
    ProblemResponses problemResponses(ObjectMapper mapper) {
        return new ProblemResponses(mapper);
    }

    @Bean
    @Order(-2)
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemResponses problems) {
        return new ProblemWebExceptionHandler(problems);
    }
}
