package io.vodflow.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import java.util.List;

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

    @Test
    void twoAuthorizationHeadersAreRefusedWhicheverComesFirst() {
        assertThat(BearerTokenReader.readOnly(null)).isNull();
        assertThat(BearerTokenReader.readOnly(List.of("Bearer abc")).getToken()).isEqualTo("abc");
        for (List<String> headers : List.of(List.of("Bearer abc", "Bearer def"), List.of("Basic dXNlcjpwYXNz", "Bearer abc"),
                List.of("Bearer abc", "Bearer abc"))) {
            assertThatThrownBy(() -> BearerTokenReader.readOnly(headers)).as(headers.toString())
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                            e -> assertThat(SafeAuthMessage.of(e)).isEqualTo("more than one Authorization header was sent"));
        }
    }
}
