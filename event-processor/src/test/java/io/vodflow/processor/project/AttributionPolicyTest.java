package io.vodflow.processor.project;

import io.vodflow.contract.context.SourceContextCodec;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionPolicyTest {
    private final SourceContextCodec codec = SourceContextCodec.derivedFrom("attribution-policy-test-secret-0123456789");
    private final AttributionPolicy policy = new AttributionPolicy(codec);

    @Test
    void verifiedContextLinksTheSignaturesUser() {
        SignatureRecord s = new SignatureRecord(UUID.randomUUID(), "u-1", "ISSUED", false, null);
        AttributionDecision d = policy.decide("f1", codec.issue(s.id()), Map.of(s.id(), s), new HashMap<>());
        assertThat(d.attribution()).isEqualTo(Attribution.LINKED);
        assertThat(d.userId()).isEqualTo("u-1");
        assertThat(d.signatureId()).isEqualTo(s.id());
    }

    @Test
    void missingForgedUnknownAndRevokedContextsAreUnattributedWithAReason() {
        UUID unknown = UUID.randomUUID();
        SignatureRecord revoked = new SignatureRecord(UUID.randomUUID(), "u", "REVOKED", false, null);
        Map<UUID, SignatureRecord> rows = Map.of(revoked.id(), revoked);
        assertThat(policy.decide("f", null, rows, new HashMap<>()).reason()).isEqualTo("sourceContext missing");
        assertThat(policy.decide("f", "{\"uid\":\"u-42\"}", rows, new HashMap<>()).reason()).startsWith("sourceContext invalid");
        String forged = SourceContextCodec.derivedFrom("another-secret-of-another-app-0123456789").issue(unknown);
        assertThat(policy.decide("f", forged, rows, new HashMap<>()).attribution()).isEqualTo(Attribution.UNATTRIBUTED);
        assertThat(policy.decide("f", codec.issue(unknown), rows, new HashMap<>()).reason()).isEqualTo("signature not found");
        assertThat(policy.decide("f", codec.issue(revoked.id()), rows, new HashMap<>()).reason()).isEqualTo("signature revoked");
    }

    @Test
    void oneTimeSignatureLinksOnlyTheFirstFileId() {
        SignatureRecord fresh = new SignatureRecord(UUID.randomUUID(), "u", "ISSUED", true, null);
        Map<UUID, String> claimed = new HashMap<>();
        Map<UUID, SignatureRecord> rows = Map.of(fresh.id(), fresh);
        String ctx = codec.issue(fresh.id());
        assertThat(policy.decide("f1", ctx, rows, claimed).attribution()).isEqualTo(Attribution.LINKED);
        assertThat(policy.decide("f1", ctx, rows, claimed).attribution()).isEqualTo(Attribution.LINKED);
        AttributionDecision second = policy.decide("f2", ctx, rows, claimed);
        assertThat(second.attribution()).isEqualTo(Attribution.CONFLICT);
        assertThat(second.conflictingFileId()).isEqualTo("f1");

        SignatureRecord used = new SignatureRecord(UUID.randomUUID(), "u", "USED", true, "f0");
        assertThat(policy.decide("f0", codec.issue(used.id()), Map.of(used.id(), used), new HashMap<>()).attribution())
                .isEqualTo(Attribution.LINKED);
        assertThat(policy.decide("f9", codec.issue(used.id()), Map.of(used.id(), used), new HashMap<>()).attribution())
                .isEqualTo(Attribution.CONFLICT);
    }

    @Test
    void reusableSignatureLinksEveryFileId() {
        SignatureRecord multi = new SignatureRecord(UUID.randomUUID(), "u", "USED", false, "f0");
        assertThat(policy.decide("f5", codec.issue(multi.id()), Map.of(multi.id(), multi), new HashMap<>()).attribution())
                .isEqualTo(Attribution.LINKED);
    }
}
