package io.vodflow.kit.cors;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Cross-origin access for browser clients (prefix {@code vodflow.cors}); no origins = same-origin only. */
@Validated
@ConfigurationProperties("vodflow.cors")
public record CorsProperties(
        /**
         * Origins whose pages may call the API (VODFLOW_CORS_ALLOWED_ORIGINS, comma-separated), each
         * {@code scheme://host[:port]}; a {@code *} in the host matches subdomains ({@code https://*.example.com}),
         * {@code *} alone any origin (a browser never sends the Bearer token on its own, so no ambient credential leaks).
         */
        @DefaultValue({}) @NotNull List<String> allowedOrigins,
        /** How long a browser may cache a preflight answer. */
        @DefaultValue("1h") @NotNull Duration maxAge) {

    // no path, query or trailing slash: a browser's Origin never has one, so such an entry would never match
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9*.\\-\\[\\]:]+");

    /** True when at least one origin is allowed. */
    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    @AssertTrue(message = "each allowed origin must be * or scheme://host[:port] (http or https, no path or trailing slash)")
    public boolean isOriginsWellFormed() {
        return allowedOrigins == null || allowedOrigins.stream().allMatch(o -> o != null && ORIGIN.matcher(o.trim()).matches());
    }
}
