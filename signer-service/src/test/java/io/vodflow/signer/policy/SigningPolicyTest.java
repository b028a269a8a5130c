package io.vodflow.signer.policy;

import io.vodflow.kit.secret.Secret;
import io.vodflow.signer.config.BatchProperties;
import io.vodflow.signer.config.LimitProperties;
import io.vodflow.signer.config.SignerProperties;
import io.vodflow.signer.config.SigningPolicyProperties;
import io.vodflow.signer.config.SweeperProperties;
import io.vodflow.signer.config.VodKeyPair;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningPolicyTest {

    private static SigningPolicy policy(boolean forceOneTime, boolean defaultOneTime) {
        return policy(new SigningPolicyProperties(Set.of("LongVideoPreset"), null, Set.of(0, 7),
                Set.of("ap-chongqing"), Set.of(1500000001L), null, Duration.ofHours(1), Duration.ofHours(2),
                defaultOneTime, forceOneTime));
    }

    private static SigningPolicy policy(SigningPolicyProperties p) {
        return new SigningPolicy(new SignerProperties(Map.of("primary", new VodKeyPair("AKID", Secret.of("k"))), "primary", Duration.ofSeconds(5), p,
                new LimitProperties(true, 30, 30, Duration.ofMinutes(1), 1000, 20),
                new SweeperProperties(true, Duration.ofSeconds(30), 1000, Duration.ZERO), new BatchProperties(500, 4, 20000, Duration.ofSeconds(5)), 5));
    }

    private static final SigningPolicy POLICY = policy(false, false);

    private static SignatureRequest req(String procedure, Integer classId, Boolean oneTime, Long ttl, String session,
                                        Integer priority, String notify, String region, Long subApp, String context) {
        return new SignatureRequest(procedure, classId, oneTime, ttl, session, priority, notify, region, subApp, context);
    }

    private static void refused(SigningPolicy policy, SignatureRequest r, String rule) {
        assertThatThrownBy(() -> policy.resolve(r)).isInstanceOfSatisfying(SignaturePolicyViolation.class, v -> {
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.getStatusCode().value()).isEqualTo(422);
            assertThat(v.getBody().getProperties()).containsEntry("rule", rule);
        });
    }

    @Test
    void emptyRequestTakesTheDefaults() {
        SigningTerms t = POLICY.resolve(SignatureRequest.defaults());
        assertThat(t.ttlSeconds()).isEqualTo(3600);
        assertThat(t.oneTime()).isFalse();
        assertThat(t.procedure()).isNull();
        assertThat(t.subAppId()).isNull();
    }

    @Test
    void requestWithinEveryRuleIsGrantedAsAsked() {
        SigningTerms t = POLICY.resolve(req("LongVideoPreset", 7, true, 7200L, "s", 10, "None", "ap-chongqing", 1500000001L,
                "x".repeat(1024)));
        assertThat(t).isEqualTo(new SigningTerms("LongVideoPreset", 7, true, 7200, "s", 10, "None", "ap-chongqing",
                1500000001L, "x".repeat(1024)));
    }

    @Test
    void ttlOutsideOneSecondToMaxIsRefused() {
        refused(POLICY, req(null, null, null, 7201L, null, null, null, null, null, null), "ttl.max");
        refused(POLICY, req(null, null, null, 0L, null, null, null, null, null, null), "ttl.min");
        assertThat(POLICY.resolve(req(null, null, null, 1L, null, null, null, null, null, null)).ttlSeconds()).isEqualTo(1);
    }

    @Test
    void valuesOutsideTheAllowListsAreRefused() {
        refused(POLICY, req("Other", null, null, null, null, null, null, null, null, null), "procedure.allowed");
        refused(POLICY, req(" ", null, null, null, null, null, null, null, null, null), "procedure.blank");
        refused(POLICY, req(null, 3, null, null, null, null, null, null, null, null), "classId.allowed");
        refused(POLICY, req(null, -1, null, null, null, null, null, null, null, null), "classId.range");
        refused(POLICY, req(null, null, null, null, null, null, null, "eu-frankfurt", null, null), "storageRegion.allowed");
        refused(POLICY, req(null, null, null, null, null, null, null, null, 42L, null), "vodSubAppId.allowed");
    }

    @Test
    void taskOptionsNeedAProcedureAndStayInRange() {
        refused(POLICY, req(null, null, null, null, null, 1, null, null, null, null), "taskPriority.procedure");
        refused(POLICY, req("LongVideoPreset", null, null, null, null, 11, null, null, null, null), "taskPriority.range");
        refused(POLICY, req("LongVideoPreset", null, null, null, null, -11, null, null, null, null), "taskPriority.range");
        refused(POLICY, req(null, null, null, null, null, null, "Finish", null, null, null), "taskNotifyMode.procedure");
        refused(POLICY, req("LongVideoPreset", null, null, null, null, null, "finish", null, null, null), "taskNotifyMode.values");
    }

    @Test
    void contextsHaveTheirSizeLimits() {
        refused(POLICY, req(null, null, null, null, "s".repeat(1001), null, null, null, null, null), "sessionContext.length");
        assertThat(POLICY.resolve(req(null, null, null, null, "😀".repeat(1000), null, null, null, null, null)).sessionContext())
                .hasSize(2000);
        refused(POLICY, req(null, null, null, null, null, null, null, null, null, "é".repeat(513)), "context.size");
    }

    @Test
    void withoutAllowListsNamesAreStillBoundedAndTheContextWellFormed() {
        SigningPolicy open = policy(new SigningPolicyProperties(Set.of(), null, Set.of(), Set.of(), Set.of(), null,
                Duration.ofHours(1), Duration.ofHours(2), false, false));
        String longest = "p".repeat(SigningPolicy.MAX_NAME);
        assertThat(open.resolve(req(longest, null, null, null, null, null, null, longest, null, null)).procedure()).isEqualTo(longest);
        refused(open, req(longest + "p", null, null, null, null, null, null, null, null, null), "procedure.length");
        refused(open, req(null, null, null, null, null, null, null, "r".repeat(200_000), null, null), "storageRegion.length");
        refused(open, req(null, null, null, null, null, null, null, null, null, "note \uD800"), "context.unicode");
        assertThat(open.resolve(req(null, null, null, null, null, null, null, null, null, "note 😀")).clientContext()).isEqualTo("note 😀");
    }

    @Test
    void forcedOneTimeAppliesToEveryRequestAndRefusesAReusableOne() {
        SigningPolicy forced = policy(true, false);
        assertThat(forced.resolve(SignatureRequest.defaults()).oneTime()).isTrue();
        assertThat(forced.resolve(req(null, null, true, null, null, null, null, null, null, null)).oneTime()).isTrue();
        refused(forced, req(null, null, false, null, null, null, null, null, null, null), "oneTime.forced");
        assertThat(policy(false, true).resolve(SignatureRequest.defaults()).oneTime()).isTrue();
    }
}
