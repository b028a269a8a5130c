package io.vodflow.emulator.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Tc3SignerTest {

    /** The CVM example of Tencent's "Signature v3" doc, as verified in contract section 5. */
    @Test
    void reproducesTheDocumentedCvmSignature() {
        String canonical = Tc3Signer.canonicalRequest("GET", "/", "Limit=10&Offset=0",
                List.of("content-type", "host"),
                Map.of("content-type", "application/x-www-form-urlencoded", "host", "cvm.tencentcloudapi.com"),
                Tc3Signer.sha256Hex(new byte[0]));

        assertThat(Tc3Signer.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("91c9c192c14460df6c1ffc69e34e6c5e90708de2a6d282cccf957dbf1aa7f3a7");
        String stringToSign = Tc3Signer.stringToSign(1539084154L,
                Tc3Signer.credentialScope("2018-10-09", "cvm"), canonical);
        assertThat(Tc3Signer.signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2018-10-09", "cvm", stringToSign))
                .isEqualTo("5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474");
    }

    @Test
    void headerValuesAreTrimmedAndLowerCasedAsTheDocSays() {
        String canonical = Tc3Signer.canonicalRequest("POST", "/", "", List.of("content-type", "host"),
                Map.of("content-type", " Application/JSON; charset=utf-8 ", "host", "VOD.tencentcloudapi.com"), "h");

        assertThat(canonical).isEqualTo(
                "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:vod.tencentcloudapi.com\n\n"
                        + "content-type;host\nh");
    }
}
