package io.vodflow.contract.signature;

/** The string is not a well-formed upload signature (bad Base64, too short, unparseable original). */
public class SignatureFormatException extends IllegalArgumentException {
    public SignatureFormatException(String message) { super(message); }
}
