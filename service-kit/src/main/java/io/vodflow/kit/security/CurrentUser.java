package io.vodflow.kit.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;

/** The authenticated caller: JWT {@code sub} as user id, and whether its {@code roles} claim holds {@code admin}. */
public record CurrentUser(String userId, boolean admin) {

    public static final String ADMIN_ROLE = "admin";

    /** Reads the caller from a verified JWT. */
    public static CurrentUser from(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), roles(jwt).contains(ADMIN_ROLE));
    }

    /** The {@code roles} claim as a list (a single string is accepted too). */
    static List<String> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get("roles");
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s) {
            return List.of(s.split("[ ,]+"));
        }
        return List.of();
    }

    /** True when this caller may see a resource owned by {@code ownerId}. */
    public boolean maySee(String ownerId) {
        return admin || (ownerId != null && ownerId.equals(userId));
    }
}
