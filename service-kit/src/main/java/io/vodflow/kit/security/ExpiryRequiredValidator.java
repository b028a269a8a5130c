package io.vodflow.kit.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a token without {@code exp}: Spring's timestamp validator checks exp only when it is present. */
final class ExpiryRequiredValidator implements OAuth2TokenValidator<Jwt> {
    static final String DESCRIPTION = "The token has no exp claim";
    private static final OAuth2TokenValidatorResult REFUSED = OAuth2TokenValidatorResult.failure(new OAuth2Error(
            OAuth2ErrorCodes.INVALID_TOKEN, DESCRIPTION, null));

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        return jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success() : REFUSED;
    }
}
