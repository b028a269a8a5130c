package io.vodflow.emulator.upload;

/** What VOD answers to an upload attempt: accepted with the new file, or refused with a client-SDK error code. */
public sealed interface UploadResult permits UploadResult.Accepted, UploadResult.Refused {

    /** The upload went through; the new file is {@link #media()}. */
    record Accepted(UploadedMedia media) implements UploadResult {

        public String fileId() { return media.fileId(); }

        public String mediaUrl() { return media.mediaUrl(); }

        /** The uploaded cover's URL, or "" when the client sent no cover. */
        public String coverUrl() { return media.coverUrl(); }

        /** The task-flow TaskId, or "" when the signature named no procedure. */
        public String procedureTaskId() { return media.procedureTaskId(); }
    }

    /**
     * VOD refused the signature or its parameters.
     *
     * @param code    the code the Android/iOS upload SDKs report: 1001 (invalid or expired signature,
     *                refused parameters), 1012 (signature empty)
     * @param message a VOD-style message, e.g. "ugc upload | duplicate signature"; never contains a secret
     */
    record Refused(RefusalReason reason, int code, String message) implements UploadResult {

        /** Code of the upload SDKs for "request failed, usually an invalid or expired signature". */
        public static final int REQUEST_FAILED = 1001;
        /** Code of the upload SDKs for "signature empty". */
        public static final int SIGNATURE_EMPTY = 1012;

        static Refused of(RefusalReason reason, String detail) {
            int code = reason == RefusalReason.EMPTY_SIGNATURE ? SIGNATURE_EMPTY : REQUEST_FAILED;
            return new Refused(reason, code, "ugc upload | " + detail);
        }
    }

    /** Why an upload was refused; one value per check VOD makes. */
    enum RefusalReason {
        EMPTY_SIGNATURE, MALFORMED_SIGNATURE, UNKNOWN_SECRET_ID, SIGNATURE_MISMATCH, EXPIRED,
        TIMESTAMP_IN_FUTURE, INVALID_VALIDITY, DUPLICATE_SIGNATURE, SOURCE_CONTEXT_TOO_LONG,
        SESSION_CONTEXT_TOO_LONG, INVALID_PARAMETER
    }
}
