package io.vodflow.ingress.auth;

import io.vodflow.contract.event.CallbackRouting;
import io.vodflow.contract.event.WireFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureFieldsTest {
    static CallbackRouting routing(String sign, String t) {
        return new CallbackRouting(WireFormat.V3, "NewFileUpload", "1", null, sign, t, "d");
    }

    @Test
    void bodyFieldsWinOverHeadersAndQuery() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Sign", "h");
        headers.add("T", "2");
        var query = new LinkedMultiValueMap<String, String>();
        query.add("sign", "q");
        assertThat(SignatureFields.locate(routing("b", "1"), headers, query)).isEqualTo(new SignatureFields("b", "1"));
    }

    @Test
    void headersAreMatchedInAnyCase() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("SIGN", "h");
        headers.add("t", "2");
        assertThat(SignatureFields.locate(routing(null, null), headers, new LinkedMultiValueMap<>()))
                .isEqualTo(new SignatureFields("h", "2"));
    }

    @Test
    void queryParametersAreMatchedInAnyCaseAndFillWhatIsMissing() {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("SiGn", "q");
        query.add("T", "3");
        assertThat(SignatureFields.locate(routing(null, null), new HttpHeaders(), query)).isEqualTo(new SignatureFields("q", "3"));
        assertThat(SignatureFields.locate(routing("b", null), new HttpHeaders(), query)).isEqualTo(new SignatureFields("b", "3"));
    }

    @Test
    void nothingAnywhereGivesNulls() {
        assertThat(SignatureFields.locate(routing(null, ""), new HttpHeaders(), new LinkedMultiValueMap<>()))
                .isEqualTo(new SignatureFields(null, null));
    }
}
