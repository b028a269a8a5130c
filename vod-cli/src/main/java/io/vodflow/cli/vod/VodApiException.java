package io.vodflow.cli.vod;

/** VOD refused a call ({@code code} is Tencent's error code) or could not be reached ({@code code} = {@value #UNREACHABLE}). */
public final class VodApiException extends RuntimeException {

    /** The code used when no answer came back (network error, timeout). */
    public static final String UNREACHABLE = "Unreachable";

    private final String code;

    public VodApiException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for AuthFailure.* codes (wrong SecretId/SecretKey, expired timestamp). */
    public boolean isAuthFailure() {
        return code.startsWith("AuthFailure");
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
