package io.vodflow.contract.signature;

/** A signature taken apart: the 20-byte HMAC, the plaintext {@code original} and its parsed parameters. */
public record DecodedSignature(byte[] mac, String original, UploadSignatureParams params) {
}
