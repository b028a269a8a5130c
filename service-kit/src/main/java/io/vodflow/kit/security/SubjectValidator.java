package io.vodflow.kit.security;

import io.vodflow.contract.text.StorableText;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token whose {@code sub} cannot be a user id: missing, not a JSON string in the payload (RFC 7519; a number
 * would be stringified, big ones lossily, so two users could collapse into one), blank, longer than {@value #MAX_LENGTH}
 * characters, holding a control character (Postgres text refuses NUL) or a lone surrogate (not storable as UTF-8,
 * so two users would collapse into one). Such a token is a 401, not a failed insert or query further in.
 */
final class SubjectValidator implements OAuth2TokenValidator<Jwt> {
    static final int MAX_LENGTH = 256;
    static final String DESCRIPTION = "The token's sub claim is missing or not a usable user id";
    private static final OAuth2TokenValidatorResult REFUSED = OAuth2TokenValidatorResult.failure(new OAuth2Error(
            OAuth2ErrorCodes.INVALID_TOKEN, DESCRIPTION, null));

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        return usable(jwt.getSubject()) && SubjectClaimShape.isString(jwt.getTokenValue())
                ? OAuth2TokenValidatorResult.success() : REFUSED;
    }

    static boolean usable(String sub) {
        return sub != null && !sub.isBlank() && sub.length() <= MAX_LENGTH && StorableText.plain(sub);
    }
}
