package io.vodflow.ingress.pull;

/** VOD's API answered with an error (or not at all); the code is Tencent's, e.g. {@code InvalidParameter}. */
public class VodApiException extends RuntimeException {
    private final String code;

    public VodApiException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    /** Tencent's error code. */
    public String code() {
        return code;
    }
}
