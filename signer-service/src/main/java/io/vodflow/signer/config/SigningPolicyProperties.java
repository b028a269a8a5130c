package io.vodflow.signer.config;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Set;

/** The configured signing policy; an empty allow-list means "any value". */
public record SigningPolicyProperties(
        /** Task-flow template names a caller may request; empty = any. */
        @DefaultValue Set<String> allowedProcedures,
        /** Procedure applied when the caller names none; unset = none. */
        String defaultProcedure,
        /** Media category ids a caller may request; empty = any. */
        @DefaultValue Set<Integer> allowedClassIds,
        /** Storage regions a caller may request; empty = any. */
        @DefaultValue Set<String> allowedRegions,
        /** VOD sub-application ids a caller may request; empty = any. */
        @DefaultValue Set<Long> allowedSubApps,
        /** Sub-application applied when the caller names none; unset = the primary app. */
        Long defaultSubAppId,
        /** Validity of a signature when the caller gives no ttlSeconds. */
        @DefaultValue("1h") Duration defaultTtl,
        /** Longest validity a caller may ask for (VOD allows 90 days at most). */
        @DefaultValue("24h") Duration maxTtl,
        /** One-time flag applied when the caller gives none. */
        @DefaultValue("false") boolean defaultOneTime,
        /** Every signature is one-time; a request for a reusable one is refused. */
        @DefaultValue("false") boolean forceOneTime) {

    /** VOD's own limit on expireTime - currentTimeStamp. */
    public static final Duration VOD_MAX_TTL = Duration.ofSeconds(7_776_000L);

    /** The TTL bounds must be sane and within VOD's 90 days. */
    @AssertTrue(message = "vodflow.signer.policy: need 1s <= default-ttl <= max-ttl <= 90 days")
    public boolean isTtlConsistent() {
        return defaultTtl != null && maxTtl != null && defaultTtl.getSeconds() >= 1
                && defaultTtl.compareTo(maxTtl) <= 0 && maxTtl.compareTo(VOD_MAX_TTL) <= 0;
    }
}
