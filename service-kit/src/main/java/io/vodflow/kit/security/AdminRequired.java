package io.vodflow.kit.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/** 403 problem JSON for an operator endpoint, or another user's data, asked for without the admin role. */
public class AdminRequired extends ErrorResponseException {

    private AdminRequired(String action) {
        super(HttpStatus.FORBIDDEN, problem(action), null);
    }

    /** Throws unless the token grants the admin role; {@code action} completes "… needs the admin role". */
    public static void check(Jwt jwt, String action) {
        if (!CurrentUser.from(jwt).admin()) {
            throw new AdminRequired(action);
        }
    }

    /** Throws unless the token is {@code userId}'s own or grants the admin role. */
    public static void checkMaySee(Jwt jwt, String userId, String action) {
        if (!CurrentUser.from(jwt).maySee(userId)) {
            throw new AdminRequired(action);
        }
    }

    private static ProblemDetail problem(String action) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, action + " needs the admin role");
        p.setTitle("Forbidden");
        return p;
    }
}
