package io.vodflow.kit.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds the settings every service shares (the VODFLOW_* mapping with dev defaults, actuator exposure,
 * secret sanitising) at the lowest precedence, so a service's own configuration and the environment win.
 */
public class VodflowDefaultsPostProcessor implements EnvironmentPostProcessor {
    static final String RESOURCE = "vodflow-defaults.properties";
    static final String IO_WORKERS = "reactor.netty.ioWorkerCount";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        limitEventLoops();
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader().load("vodflowDefaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reactor Netty runs at least four event loops per transport; on a small box that is more threads than cores
     * for the HTTP server and the database client alike, and the context switches cost more than they give.
     * One loop per core, unless the operator set {@code -Dreactor.netty.ioWorkerCount}. Runs before any loop exists.
     */
    static void limitEventLoops() {
        if (System.getProperty(IO_WORKERS) == null) {
            System.setProperty(IO_WORKERS, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
    }
}
