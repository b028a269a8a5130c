package io.vodflow.emulator.upload;

import io.vodflow.contract.signature.DecodedSignature;
import io.vodflow.contract.signature.SignatureFormatException;
import io.vodflow.contract.signature.SignatureParameterException;
import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.emulator.upload.UploadResult.RefusalReason;
import io.vodflow.emulator.upload.UploadResult.Refused;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, as VOD does at ApplyUploadUGC, whether a client signature may upload: decode, find the SecretKey by
 * secretId, check the HMAC, the validity window, the parameter limits, and one-time use. The checks run in that
 * order so that a forged or expired signature never consumes a one-time slot.
 */
final class SignatureAdmissionPolicy {

    static final long MAX_VALIDITY_SECONDS = 7_776_000L;
    static final int MAX_SOURCE_CONTEXT = 250;
    static final int MAX_SESSION_CONTEXT = 1000;

    private final UploadSignatureCodec codec = new UploadSignatureCodec();
    private final OneTimeSignatureLedger ledger = new OneTimeSignatureLedger();
    private final Map<String, String> secretKeyById;
    private final long allowedSkewSeconds;

    SignatureAdmissionPolicy(Map<String, String> secretKeyById, Duration allowedClockSkew) {
        this.secretKeyById = Map.copyOf(secretKeyById);
        this.allowedSkewSeconds = allowedClockSkew.toSeconds();
    }

    /** The admitted parameters, or the refusal; never throws for a bad signature. */
    Admission admit(String signature, long nowEpochSecond) {
        if (signature == null || signature.isBlank()) {
            return refuse(RefusalReason.EMPTY_SIGNATURE, "signature is empty");
        }
        DecodedSignature decoded;
        try {
            decoded = codec.decode(signature);
        } catch (SignatureParameterException e) {
            return refuse(reasonFor(e.parameter()), "invalid signature parameter " + e.parameter());
        } catch (SignatureFormatException e) {
            return refuse(RefusalReason.MALFORMED_SIGNATURE, "invalid signature");
        }
        UploadSignatureParams params = decoded.params();
        String secretKey = secretKeyById.get(params.secretId());
        if (secretKey == null) {
            return refuse(RefusalReason.UNKNOWN_SECRET_ID, "invalid signature: unknown secretId");
        }
        if (!codec.verify(signature, secretKey)) {
            return refuse(RefusalReason.SIGNATURE_MISMATCH, "invalid signature");
        }
        return checkWindow(params, nowEpochSecond)
                .or(() -> checkParameters(params))
                .map(Admission::refused)
                .orElseGet(() -> claimOnce(signature, params, nowEpochSecond));
    }

    private Optional<Refused> checkWindow(UploadSignatureParams params, long now) {
        if (now > params.expireTime()) {
            return Optional.of(Refused.of(RefusalReason.EXPIRED, "signature expired"));
        }
        if (params.currentTimeStamp() > now + allowedSkewSeconds) {
            return Optional.of(Refused.of(RefusalReason.TIMESTAMP_IN_FUTURE, "currentTimeStamp is in the future"));
        }
        if (params.expireTime() - params.currentTimeStamp() > MAX_VALIDITY_SECONDS) {
            return Optional.of(Refused.of(RefusalReason.INVALID_VALIDITY, "signature validity exceeds 90 days"));
        }
        return Optional.empty();
    }

    private Optional<Refused> checkParameters(UploadSignatureParams params) {
        if (length(params.sourceContext()) > MAX_SOURCE_CONTEXT) {
            return Optional.of(Refused.of(RefusalReason.SOURCE_CONTEXT_TOO_LONG, "sourceContext exceeds 250 characters"));
        }
        if (length(params.sessionContext()) > MAX_SESSION_CONTEXT) {
            return Optional.of(Refused.of(RefusalReason.SESSION_CONTEXT_TOO_LONG, "sessionContext exceeds 1000 characters"));
        }
        try {
            params.validate();
            return Optional.empty();
        } catch (SignatureParameterException e) {
            return Optional.of(Refused.of(reasonFor(e.parameter()), "invalid signature parameter " + e.parameter()));
        }
    }

    private Admission claimOnce(String signature, UploadSignatureParams params, long now) {
        boolean oneTime = params.oneTimeValid() != null && params.oneTimeValid() == 1;
        if (oneTime && !ledger.claim(signature, params, now)) {
            return refuse(RefusalReason.DUPLICATE_SIGNATURE, "duplicate signature");
        }
        return new Admission(params, null);
    }

    private static RefusalReason reasonFor(String parameter) {
        return switch (parameter == null ? "" : parameter) {
            case "sourceContext" -> RefusalReason.SOURCE_CONTEXT_TOO_LONG;
            case "sessionContext" -> RefusalReason.SESSION_CONTEXT_TOO_LONG;
            case "expireTime" -> RefusalReason.INVALID_VALIDITY;
            default -> RefusalReason.INVALID_PARAMETER;
        };
    }

    private static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    private static Admission refuse(RefusalReason reason, String detail) {
        return Admission.refused(Refused.of(reason, detail));
    }

    /** Either the admitted parameters or a refusal. */
    record Admission(UploadSignatureParams params, Refused refusal) {
        static Admission refused(Refused refusal) {
            return new Admission(null, refusal);
        }
    }
}
