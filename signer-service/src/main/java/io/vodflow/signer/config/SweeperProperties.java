package io.vodflow.signer.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The expiry sweeper, which marks ISSUED rows past expires_at as EXPIRED. */
public record SweeperProperties(
        /** Whether this instance runs the sweeper (several may; SKIP LOCKED keeps them apart). */
        @DefaultValue("true") boolean enabled,
        /** Pause between sweeps. */
        @DefaultValue("30s") Duration interval,
        /** Rows marked per statement. */
        @DefaultValue("1000") @Min(1) int chunk) {
}
