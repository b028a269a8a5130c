package io.vodflow.kit.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Turns authentication failures into fixed client-safe phrases (library messages may quote token contents). */
final class SafeAuthMessage {
    private SafeAuthMessage() { }

    static String of(AuthenticationException e) {
        if (e instanceof InvalidBearerTokenException) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("expired")) {
                return "the token has expired";
            }
            if (m.contains(ExpiryRequiredValidator.DESCRIPTION)) {
                return "the token has no exp claim (tokens must expire)";
            }
            if (m.contains(SubjectValidator.DESCRIPTION)) {
                return "the token's sub claim is missing or not a usable user id";
            }
            return "the token is malformed or its signature does not verify";
        }
        if (e instanceof OAuth2AuthenticationException o && BearerTokenReader.AMBIGUOUS.equals(o.getError().getDescription())) {
            return "more than one Authorization header was sent";
        }
        if (e instanceof AuthenticationCredentialsNotFoundException) {
            return "no Authorization header was sent";
        }
        return "no valid Authorization header was sent";
    }
}
