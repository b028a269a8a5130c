package io.vodflow.kit.security;

import java.util.List;

/** Path patterns a service serves without a JWT (each service contributes its own bean). */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
