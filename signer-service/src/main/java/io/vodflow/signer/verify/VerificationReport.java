package io.vodflow.signer.verify;

import io.vodflow.contract.signature.UploadSignatureParams;
import io.vodflow.signer.record.SignatureRecord;
import io.vodflow.signer.record.SignatureState;

import java.time.Instant;

/**
 * What the verify endpoint finds: the decoded parameters, which configured key (if any) the signature's secretId
 * names and whether the MAC verifies under it, the contract check, validity now, and our record of it.
 */
public record VerificationReport(
        /** False when the string is not a signature at all; {@code formatError} then says why. */
        boolean wellFormed,
        String formatError,
        /** The plaintext query the MAC covers. */
        String original,
        UploadSignatureParams params,
        /** Id of the configured key pair whose SecretId the signature names; null if none. */
        String keyId,
        boolean macValid,
        /** Null when every contract rule holds, else the parameter and rule broken. */
        String contractViolation,
        Instant issuedAt,
        Instant expiresAt,
        boolean expired,
        /** MAC verifies, contract holds and not expired: VOD would accept it (one-time reuse aside). */
        boolean valid,
        /** Whether the embedded sourceContext carries our MAC. */
        Boolean sourceContextValid,
        SignatureRecord record,
        /** The record's state now (an unswept past-expiry row shows EXPIRED). */
        SignatureState recordState) {

    /** A report for a string that does not decode. */
    public static VerificationReport malformed(String why) {
        return new VerificationReport(false, why, null, null, null, false, null, null, null, false, false, null, null, null);
    }
}
