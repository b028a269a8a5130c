package io.vodflow.kit.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared defaults: event loops sized to the machine unless the operator chose, and the VODFLOW_* mapping. */
class VodflowDefaultsPostProcessorTest {
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(VodflowDefaultsPostProcessor.IO_WORKERS);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(VodflowDefaultsPostProcessor.IO_WORKERS);
        } else {
            System.setProperty(VodflowDefaultsPostProcessor.IO_WORKERS, saved);
        }
    }

    @Test
    void setsOneEventLoopPerCoreWhenUnset() {
        System.clearProperty(VodflowDefaultsPostProcessor.IO_WORKERS);

        new VodflowDefaultsPostProcessor().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(VodflowDefaultsPostProcessor.IO_WORKERS))
                .isEqualTo(String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
    }

    @Test
    void keepsTheOperatorsChoice() {
        System.setProperty(VodflowDefaultsPostProcessor.IO_WORKERS, "7");

        new VodflowDefaultsPostProcessor().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(VodflowDefaultsPostProcessor.IO_WORKERS)).isEqualTo("7");
    }

    @Test
    void addsTheSharedDefaultsAtLowestPrecedence() {
        StandardEnvironment env = new StandardEnvironment();

        new VodflowDefaultsPostProcessor().postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName()).contains("vodflowDefaults");
    }
}
