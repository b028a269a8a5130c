package io.vodflow.contract.signature;

/** Signs, decodes and verifies VOD client-upload signatures: Base64(HMAC-SHA1(SecretKey, original) ‖ original). */
public final class UploadSignatureCodec {

    /** Validates the parameters, builds {@code original} (RFC 3986 encoded, documented order) and signs it. */
    public String sign(UploadSignatureParams params, String secretKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Decodes without checking the MAC; throws {@link SignatureFormatException} if it is not a signature. */
    public DecodedSignature decode(String signature) {
        throw new UnsupportedOperationException("TODO");
    }

    /** True when the MAC matches under {@code secretKey} (constant-time); expiry is the caller's business. */
    public boolean verify(String signature, String secretKey) {
        throw new UnsupportedOperationException("TODO");
    }
}
