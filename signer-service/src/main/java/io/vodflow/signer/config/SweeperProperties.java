package io.vodflow.signer.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The expiry sweeper, which marks ISSUED rows past expires_at as EXPIRED, and the optional retention of old rows. */
public record SweeperProperties(
        /** Whether this instance runs the sweeper (several may; SKIP LOCKED keeps them apart). */
        @DefaultValue("true") boolean enabled,
        /** Pause between sweeps. */
        @DefaultValue("30s") Duration interval,
        /** Rows marked per statement. */
        @DefaultValue("1000") @Min(1) int chunk,
        /**
         * How long a row is kept after its expiry before it is deleted (VODFLOW_SIGNER_SWEEPER_RETENTION); 0, the
         * default, keeps every row. At least 7 days when set: an upload's callbacks (VOD's reliable callbacks
         * among them) are attributed through the row and can arrive days after the signature expired.
         */
        @DefaultValue("0s") @NotNull Duration retention) {

    static final Duration MIN_RETENTION = Duration.ofDays(7);

    /** True when rows are deleted at all. */
    public boolean retains() {
        return !retention.isZero();
    }

    @AssertTrue(message = "retention must be 0 (keep every row) or at least 7 days")
    boolean isRetentionZeroOrAWeek() {
        return retention == null || retention.isZero() || retention.compareTo(MIN_RETENTION) >= 0;
    }
}
