package io.vodflow.cli.doctor;

import io.vodflow.cli.vod.VodApiClient;
import io.vodflow.cli.vod.VodApiException;
import io.vodflow.contract.signature.UploadSignatureCodec;
import io.vodflow.contract.signature.UploadSignatureParams;

/**
 * The key pair is accepted by VOD (a TC3-signed call with VODFLOW_VOD_SECRET_ID/KEY succeeds) and, with a JWT, the
 * signer issues upload signatures under that same SecretId whose HMAC verifies with that SecretKey. The JWT check
 * issues one real signature (a row in upload_signature), which is why it is opt-in.
 */
final class VodKeyPairCheck implements Check {

    private final VodApiClient api;
    private final long subAppId;
    private final String secretId;
    private final String secretKey;
    private final String signerUrl;
    private final String jwt;
    private final HttpJson http;

    VodKeyPairCheck(VodApiClient api, long subAppId, String secretId, String secretKey, String signerUrl, String jwt,
                    HttpJson http) {
        this.api = api;
        this.subAppId = subAppId;
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.signerUrl = signerUrl;
        this.jwt = jwt;
        this.http = http;
    }

    @Override
    public String name() {
        return "vod-key-pair";
    }

    @Override
    public CheckResult run() {
        try {
            api.call("DescribeEventConfig", VodApiClient.params(subAppId));
        } catch (VodApiException e) {
            String fix = switch (e.code()) {
                case "AuthFailure.SecretIdNotFound" -> "VOD does not know this SecretId: copy the pair from CAM "
                        + "into VODFLOW_VOD_SECRET_ID/VODFLOW_VOD_SECRET_KEY (the signer's pair)";
                case "AuthFailure.SignatureFailure" -> "the SecretKey does not belong to the SecretId: fix VODFLOW_VOD_SECRET_KEY";
                case "AuthFailure.SignatureExpire" -> "the local clock is off by more than 5 min: sync it (NTP)";
                case "AuthFailure.UnauthorizedOperation", "UnauthorizedOperation" -> "grant the key vod:DescribeEventConfig in CAM";
                default -> "check --endpoint and network access to the VOD API";
            };
            return CheckResult.fail("a call with SecretId " + secretId + " failed: " + e, fix);
        }
        if (jwt == null) {
            return CheckResult.pass("VOD accepts SecretId " + secretId
                    + " (signer's signatures not checked: pass --jwt to issue and verify one)");
        }
        return checkSignerSignature();
    }

    private CheckResult checkSignerSignature() {
        String signature;
        try {
            HttpJson.Answer answer = http.post(signerUrl + "/v1/upload-signatures", jwt, "{}");
            if (answer.status() != 201) {
                return CheckResult.fail("the signer answered HTTP " + answer.status() + " to POST /v1/upload-signatures",
                        answer.status() == 401 ? "pass a valid JWT (signed with VODFLOW_JWT_SECRET) with --jwt"
                                : "look at signer-service's log");
            }
            signature = answer.body().path("signature").asText("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail("interrupted", "run doctor again");
        } catch (Exception e) {
            return CheckResult.fail("signer unreachable at " + signerUrl + " (" + HttpJson.reason(e) + ")",
                    "start signer-service or pass --signer-url");
        }
        UploadSignatureCodec codec = new UploadSignatureCodec();
        UploadSignatureParams params;
        try {
            params = codec.decode(signature).params();
        } catch (IllegalArgumentException e) {
            return CheckResult.fail("the signer issued something that is not a VOD signature", "look at signer-service's log");
        }
        if (!secretId.equals(params.secretId())) {
            return CheckResult.fail("the signer signs with SecretId " + params.secretId() + ", not " + secretId,
                    "give signer-service the same VODFLOW_VOD_SECRET_ID/VODFLOW_VOD_SECRET_KEY, or switch it to that pair "
                            + "(VODFLOW_VOD_ACTIVE_KEY, or PUT /v1/signing-keys/active at run time)");
        }
        if (!codec.verify(signature, secretKey)) {
            return CheckResult.fail("the signer's signature does not verify with VODFLOW_VOD_SECRET_KEY",
                    "give signer-service the same VODFLOW_VOD_SECRET_KEY as VOD's key pair");
        }
        return CheckResult.pass("VOD accepts SecretId " + secretId + " and the signer's signature verifies with its key");
    }
}
