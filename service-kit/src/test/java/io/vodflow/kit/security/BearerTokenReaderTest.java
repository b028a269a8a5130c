package io.vodflow.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokenReaderTest {

    @Test
    void readsTheTokenOfABearerHeaderInAnyCaseOfTheScheme() {
        assertThat(BearerTokenReader.read("Bearer eyJhbGciOi.J9eyJzdWIi.Oi-_~+/x==").getToken()).isEqualTo("eyJhbGciOi.J9eyJzdWIi.Oi-_~+/x==");
        assertThat(BearerTokenReader.read("bearer abc").getToken()).isEqualTo("abc");
        assertThat(BearerTokenReader.read("BEARER abc").getToken()).isEqualTo("abc");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoBearerToken() {
        assertThat(BearerTokenReader.read(null)).isNull();
        assertThat(BearerTokenReader.read("Basic dXNlcjpwYXNz")).isNull();
        assertThat(BearerTokenReader.read("Bearer")).isNull();
    }

    @Test
    void aMalformedTokenIsRefused() {
        for (String header : new String[] {"Bearer ", "Bearer a b", "Bearer =abc", "Bearer abc=d", "Bearer  abc", "Bearer abc\n", "Bearer ab\u00e9"}) {
            assertThatThrownBy(() -> BearerTokenReader.read(header)).as(header).isInstanceOf(OAuth2AuthenticationException.class);
        }
    }
}
