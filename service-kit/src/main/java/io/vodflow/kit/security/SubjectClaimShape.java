package io.vodflow.kit.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Base64;

/**
 * Whether a compact JWS's payload carries {@code sub} as a JSON string (RFC 7519). Nimbus stringifies a numeric sub
 * before Spring sees the claims, and a big number loses digits on the way, so only the payload itself can tell.
 */
final class SubjectClaimShape {
    private static final JsonFactory JSON = new JsonFactory();

    private SubjectClaimShape() { }

    static boolean isString(String compactJws) {
        int first = compactJws.indexOf('.');
        int second = first < 0 ? -1 : compactJws.indexOf('.', first + 1);
        if (second < 0) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(Base64.getUrlDecoder().decode(compactJws.substring(first + 1, second)))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean string = false;
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                boolean sub = "sub".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (sub) {
                    string = value == JsonToken.VALUE_STRING;
                }
                parser.skipChildren();
            }
            return string;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
