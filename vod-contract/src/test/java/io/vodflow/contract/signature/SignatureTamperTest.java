package io.vodflow.contract.signature;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Any single change to a signature, in its bytes or in its Base64 text, makes it fail verification. */
class SignatureTamperTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    private final UploadSignatureCodec codec = new UploadSignatureCodec();

    @Test
    void changingAnyDecodedByteNeverVerifies() {
        String signature = codec.sign(ContractVectorsTest.B_PARAMS, ContractVectorsTest.B_KEY);
        byte[] raw = Base64.getDecoder().decode(signature);
        for (int i = 0; i < raw.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] tampered = raw.clone();
                tampered[i] ^= (byte) flip;

                String forged = Base64.getEncoder().encodeToString(tampered);

                assertThat(codec.verify(forged, ContractVectorsTest.B_KEY)).as("byte %d ^ %x", i, flip).isFalse();
            }
        }
    }

    @Test
    void changingAnyBase64CharacterNeverVerifies() {
        for (String signature : new String[] {ContractVectorsTest.A_SIGNATURE, ContractVectorsTest.B_SIGNATURE}) {
            String key = signature.equals(ContractVectorsTest.A_SIGNATURE)
                    ? ContractVectorsTest.A_KEY : ContractVectorsTest.B_KEY;
            for (int i = 0; i < signature.length(); i++) {
                for (int shift : new int[] {1, 17, 40}) {
                    char replacement = ALPHABET.charAt((ALPHABET.indexOf(signature.charAt(i)) + shift) % ALPHABET.length());
                    String forged = signature.substring(0, i) + replacement + signature.substring(i + 1);

                    assertThat(codec.verify(forged, key)).as("char %d -> %s", i, replacement).isFalse();
                }
            }
        }
    }

    @Test
    void vectorAEndsInPaddingWhoseStrayBitsCannotBeVaried() {
        // The char before '=' carries unused bits; a lenient decoder would accept variants of it.
        String a = ContractVectorsTest.A_SIGNATURE;
        int last = a.length() - 2;
        String variant = a.substring(0, last) + (char) (a.charAt(last) + 1) + "=";

        assertThat(Base64.getDecoder().decode(variant)).isEqualTo(Base64.getDecoder().decode(a));
        assertThat(codec.verify(variant, ContractVectorsTest.A_KEY)).isFalse();
    }
}
