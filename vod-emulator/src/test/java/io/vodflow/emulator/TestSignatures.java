package io.vodflow.emulator;

import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;

/** Builds client-upload signatures for tests with the contract codec, as the signer would. */
public final class TestSignatures {

    public static final String SECRET_ID = "AKIDvodTestSecretId0000000000000000";
    public static final String SECRET_KEY = "VodTestSecretKey0123456789abcdef";

    private static final UploadSignatureCodec CODEC = new UploadSignatureCodec();

    private TestSignatures() {
    }

    /** Reusable, no procedure, valid for an hour from {@code now}. */
    public static UploadSignatureParams plain(long now, long random) {
        return new UploadSignatureParams(SECRET_ID, now, now + 3600, random, null, null, null, null,
                "ctx-" + random, null, null, null, null);
    }

    /** One-time, with procedure {@code LongVideoPreset}, notify mode Change, and both contexts set. */
    public static UploadSignatureParams oneTimeWithProcedure(long now, long random) {
        return new UploadSignatureParams(SECRET_ID, now, now + 3600, random, null, "LongVideoPreset", null,
                "Change", "{\"sid\":\"s-" + random + "\"}", 1, null, "session-" + random, null);
    }

    public static String sign(UploadSignatureParams params) {
        return CODEC.sign(params, SECRET_KEY);
    }

    public static String sign(UploadSignatureParams params, String secretKey) {
        return CODEC.sign(params, secretKey);
    }

    /** Signs a raw {@code original}, bypassing the contract's parameter rules (to test VOD's refusals). */
    public static String signOriginal(String original) {
        return CODEC.signOriginal(original, SECRET_KEY);
    }
}
