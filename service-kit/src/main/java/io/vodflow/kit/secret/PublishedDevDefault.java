package io.vodflow.kit.secret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import java.util.Objects;

/**
 * A secret whose dev default is published in the README (so the local run needs no setup). A service still on it
 * starts, as the local run must, but says so loudly at start: anyone could forge its tokens or signatures.
 */
public record PublishedDevDefault(String variable, String property, String devProperty) {
    private static final Logger log = LoggerFactory.getLogger(PublishedDevDefault.class);

    /** True, after one WARN naming the variable (never the value), when {@code property} resolves to its dev default. */
    public boolean warnIfInUse(Environment env) {
        String dev = env.getProperty(devProperty);
        if (dev == null || dev.isEmpty() || !Objects.equals(dev, env.getProperty(property))) {
            return false;
        }
        log.atWarn().addKeyValue("variable", variable)
                .log(variable + " is not set: this service runs on the dev default published in the README; set a "
                        + "secret of your own before anything but the local run reaches it");
        return true;
    }
}
