package io.vodflow.signer.record;

/** Life of a signature row: ISSUED until VOD reports the upload (USED), it lapses (EXPIRED) or its owner revokes it. */
public enum SignatureState {
    ISSUED, USED, EXPIRED, REVOKED
}
