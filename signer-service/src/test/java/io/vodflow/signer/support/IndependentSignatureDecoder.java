package io.vodflow.signer.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a VOD upload signature from first principles (Base64, javax.crypto HMAC-SHA1, hand-written query parsing),
 * sharing no code with the codec under test, as contract section 1.4's self-check describes.
 */
public final class IndependentSignatureDecoder {

    /** What the decoder found. */
    public record Decoded(boolean macValid, String original, Map<String, String> params) {
        public long longParam(String key) {
            return Long.parseLong(params.get(key));
        }
    }

    private IndependentSignatureDecoder() { }

    public static Decoded decode(String signature, String secretKey) {
        byte[] raw = Base64.getDecoder().decode(signature);
        byte[] mac = Arrays.copyOf(raw, 20);
        byte[] plain = Arrays.copyOfRange(raw, 20, raw.length);
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            expected = hmac.doFinal(plain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String original = new String(plain, StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : original.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), percentDecode(pair.substring(eq + 1)));
        }
        return new Decoded(MessageDigest.isEqual(mac, expected), original, params);
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
