package io.vodflow.localstack.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The baseline of every HTTP benchmark: a WebFlux app whose POST reads the body and answers 200 with a small
 * JSON body, doing nothing else. A service's figures are read against this one, measured in the same run. With
 * {@code bare.kafka.bootstrap} set it also serves {@link BareKafkaRoute}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
        CodecsAutoConfiguration.class, ReactiveWebServerFactoryAutoConfiguration.class, WebFluxAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class})
public class BareEndpointApplication {

    static final String PATH = "/bare";

    @Bean
    RouterFunction<ServerResponse> bare() {
        return route()
                .POST(PATH, req -> req.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue("{\"status\":\"accepted\"}")))
                .GET("/actuator/health", req -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue("{\"status\":\"UP\"}"))
                .build();
    }

    @Bean
    @ConditionalOnProperty(BareKafkaRoute.BOOTSTRAP_PROPERTY)
    BareKafkaRoute bareKafkaRoute(Environment env) {
        return new BareKafkaRoute(env.getRequiredProperty(BareKafkaRoute.BOOTSTRAP_PROPERTY));
    }

    @Bean
    @ConditionalOnProperty(BareKafkaRoute.BOOTSTRAP_PROPERTY)
    RouterFunction<ServerResponse> bareKafka(BareKafkaRoute route) {
        return route.routes();
    }

    /** Runs the bare endpoint on SERVER_PORT until killed; args are Spring properties (--bare.kafka.bootstrap=host:port). */
    public static ConfigurableApplicationContext run(String[] args) {
        SpringApplication app = new SpringApplication(BareEndpointApplication.class);
        app.setWebApplicationType(WebApplicationType.REACTIVE);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        return app.run(args);
    }
}
