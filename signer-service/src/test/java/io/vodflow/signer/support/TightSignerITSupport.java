package io.vodflow.signer.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * A second signer configuration shared by several ITs: the {@code next} key is active (a rotated signer), the rate
 * limit is 3 requests per hour per user, at most 2 outstanding one-time signatures, and randoms can be scripted.
 */
@TestPropertySource(properties = {
        "vodflow.signer.active-key=next",
        "vodflow.signer.limits.burst=4",
        "vodflow.signer.limits.refill-tokens=4",
        "vodflow.signer.limits.refill-period=1h",
        "vodflow.signer.limits.max-outstanding-one-time=2"})
@Import(TightSignerITSupport.ScriptedRandomConfig.class)
public abstract class TightSignerITSupport extends SignerITSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class ScriptedRandomConfig {
        @Bean
        @Primary
        ScriptedRandom scriptedRandom() {
            return new ScriptedRandom();
        }
    }
}
