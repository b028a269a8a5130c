package io.vodflow.emulator.upload;

import io.vodflow.emulator.upload.SignatureAdmissionPolicy.Admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** VOD's upload front door: admits a client signature and, if it passes, stores the uploaded file. */
public final class UploadDesk {

    private final SignatureAdmissionPolicy policy;
    private final MediaStore store;
    private final Clock clock;

    /**
     * @param secretKeyById    the API keys VOD knows (SecretId to SecretKey); never printed
     * @param allowedClockSkew how far in the future a signature's currentTimeStamp may lie
     */
    public UploadDesk(Map<String, String> secretKeyById, Duration allowedClockSkew, MediaStore store, Clock clock) {
        this.policy = new SignatureAdmissionPolicy(secretKeyById, allowedClockSkew);
        this.store = store;
        this.clock = clock;
    }

    /** Uploads with the client's signature; refusals are results, never exceptions. */
    public UploadResult upload(String signature, UploadRequest request) {
        Instant now = clock.instant();
        Admission admission = policy.admit(signature, now.getEpochSecond());
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        return new UploadResult.Accepted(store.create(admission.params(), request, now));
    }
}
