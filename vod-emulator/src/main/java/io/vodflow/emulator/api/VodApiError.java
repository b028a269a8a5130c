package io.vodflow.emulator.api;

/**
 * A request the emulated VOD API refuses; answered in TC3 form
 * {@code {"Response":{"Error":{"Code":…,"Message":…},"RequestId":…}}} with HTTP 200, as Tencent does.
 * Codes are Tencent's common ones where one fits; the emulator-chosen ones are listed here.
 */
public final class VodApiError extends RuntimeException {

    /** Authorization header missing or not in TC3 form, or its credential scope is wrong. */
    public static final String INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
    /** The Credential's SecretId is not an account the emulator knows. */
    public static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
    /** X-TC-Timestamp is missing, malformed, or more than the tolerance (5 min) away from server time. */
    public static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
    /** The TC3 signature does not match. */
    public static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
    /** X-TC-Action names no action the emulator serves. */
    public static final String INVALID_ACTION = "InvalidAction";
    /** X-TC-Version is not 2018-07-17. */
    public static final String NO_SUCH_VERSION = "NoSuchVersion";
    /** A required header or parameter is absent. */
    public static final String MISSING_PARAMETER = "MissingParameter";
    /** The body is not a JSON object, or a parameter has the wrong type or count (e.g. more than 16 handles). */
    public static final String INVALID_PARAMETER = "InvalidParameter";
    /** A parameter has an allowed type but a value VOD refuses (Mode, a switch, SignKey, NotificationUrl, Filters). */
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    /** More requests of one action in one second than VOD allows (20/s event config, 100/s DescribeMediaInfos). */
    public static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
    /** Emulator's choice: ConfirmEvents got a handle that is unknown, already confirmed, or past its 30 s. */
    public static final String INVALID_EVENT_HANDLE = "InvalidParameterValue.EventHandle";
    /** DescribeTaskDetail got a TaskId the emulator does not know. */
    public static final String INVALID_TASK_ID = "InvalidParameterValue.TaskId";
    /** Only POST is served. */
    public static final String UNSUPPORTED_PROTOCOL = "UnsupportedProtocol";
    /** Anything unexpected inside the emulator. */
    public static final String INTERNAL_ERROR = "InternalError";

    private final String code;

    public VodApiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
