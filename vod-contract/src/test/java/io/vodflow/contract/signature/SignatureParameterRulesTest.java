package io.vodflow.contract.signature;

import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of contract 1.2: accepted at its boundary, refused one past it, naming the parameter. */
class SignatureParameterRulesTest {

    private static final UploadSignatureParams BASE = new UploadSignatureParams("AKIDexample", 1_700_000_000L,
            1_700_003_600L, 42L, null, "Preset", null, null, null, null, null, null, null);

    private static UploadSignatureParams with(UnaryOperator<ParamsBuilder> change) {
        return change.apply(new ParamsBuilder(BASE)).build();
    }

    private static void accepted(UploadSignatureParams p) {
        assertThat(p.validate()).isSameAs(p);
        assertThat(new UploadSignatureCodec().decode(new UploadSignatureCodec().sign(p, "k")).params()).isEqualTo(p);
    }

    private static void refused(UploadSignatureParams p, String parameter) {
        assertThatThrownBy(p::validate).isInstanceOfSatisfying(SignatureParameterException.class, e -> {
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.rule()).isNotBlank();
            assertThat(e.getMessage()).startsWith(parameter + ": ");
        });
        assertThatThrownBy(() -> new UploadSignatureCodec().sign(p, "k")).isInstanceOf(SignatureParameterException.class);
    }

    @Test
    void noTextParameterMayCarryANul() {
        String nul = String.valueOf((char) 0);
        accepted(with(b -> b.sessionContext("tab\tand newline\n are fine")));
        refused(with(b -> b.sessionContext("a" + nul + "b")), "sessionContext");
        refused(with(b -> b.sourceContext(nul)), "sourceContext");
        refused(with(b -> b.procedure("Pre" + nul + "set")), "procedure");
        refused(with(b -> b.storageRegion("ap-chongqing" + nul)), "storageRegion");
    }

    @Test
    void validityIsOneSecondToNinetyDays() {
        long now = BASE.currentTimeStamp();
        accepted(with(b -> b.expireTime(now + 1)));
        accepted(with(b -> b.expireTime(now + 7_776_000L)));
        refused(with(b -> b.expireTime(now)), "expireTime");
        refused(with(b -> b.expireTime(now + 7_776_001L)), "expireTime");
        refused(with(b -> b.expireTime(now - 10)), "expireTime");
    }

    @Test
    void timestampsAreNotNegative() {
        accepted(with(b -> b.currentTimeStamp(0).expireTime(1)));
        refused(with(b -> b.currentTimeStamp(-1).expireTime(10)), "currentTimeStamp");
        refused(with(b -> b.currentTimeStamp(0).expireTime(-1)), "expireTime");
    }

    @Test
    void timestampsEndWithTheYear9999() {
        long last = 253_402_300_799L;
        accepted(with(b -> b.currentTimeStamp(last - 600).expireTime(last)));
        refused(with(b -> b.currentTimeStamp(last - 600).expireTime(last + 1)), "expireTime");
        // a validity inside the 90 days does not make a time past any calendar acceptable
        refused(with(b -> b.currentTimeStamp(100_000_000_000_000_000L).expireTime(100_000_000_000_000_600L)), "currentTimeStamp");
    }

    @Test
    void randomIsAnUnsigned32BitNumber() {
        accepted(with(b -> b.random(0)));
        accepted(with(b -> b.random(4_294_967_295L)));
        refused(with(b -> b.random(-1)), "random");
        refused(with(b -> b.random(4_294_967_296L)), "random");
    }

    @Test
    void secretIdIsRequiredAndNotBlank() {
        accepted(with(b -> b.secretId("x")));
        refused(with(b -> b.secretId(null)), "secretId");
        refused(with(b -> b.secretId(" \t")), "secretId");
        refused(with(b -> b.secretId("")), "secretId");
    }

    @Test
    void classIdAndVodSubAppIdAreNotNegative() {
        accepted(with(b -> b.classId(0)));
        refused(with(b -> b.classId(-1)), "classId");
        accepted(with(b -> b.vodSubAppId(0L)));
        refused(with(b -> b.vodSubAppId(-1L)), "vodSubAppId");
    }

    @Test
    void taskPriorityIsMinusTenToTenAndNeedsAProcedure() {
        accepted(with(b -> b.taskPriority(-10)));
        accepted(with(b -> b.taskPriority(10)));
        refused(with(b -> b.taskPriority(-11)), "taskPriority");
        refused(with(b -> b.taskPriority(11)), "taskPriority");
        refused(with(b -> b.procedure(null).taskPriority(0)), "taskPriority");
    }

    @Test
    void taskNotifyModeIsFinishChangeOrNoneAndNeedsAProcedure() {
        for (String mode : new String[] {"Finish", "Change", "None"}) {
            accepted(with(b -> b.taskNotifyMode(mode)));
        }
        refused(with(b -> b.taskNotifyMode("finish")), "taskNotifyMode");
        refused(with(b -> b.taskNotifyMode("")), "taskNotifyMode");
        refused(with(b -> b.procedure(null).taskNotifyMode("Finish")), "taskNotifyMode");
    }

    @Test
    void procedureAndStorageRegionAreNotBlankWhenPresent() {
        accepted(with(b -> b.procedure(null)));
        refused(with(b -> b.procedure(" ")), "procedure");
        accepted(with(b -> b.storageRegion("ap-chongqing")));
        refused(with(b -> b.storageRegion("")), "storageRegion");
    }

    @Test
    void sourceContextIsAtMost250CharactersCountingCodePoints() {
        accepted(with(b -> b.sourceContext("")));
        accepted(with(b -> b.sourceContext("a".repeat(250))));
        accepted(with(b -> b.sourceContext("😀".repeat(250))));
        refused(with(b -> b.sourceContext("a".repeat(251))), "sourceContext");
        refused(with(b -> b.sourceContext("😀".repeat(251))), "sourceContext");
    }

    @Test
    void sessionContextIsAtMost1000Characters() {
        accepted(with(b -> b.sessionContext("é".repeat(1000))));
        refused(with(b -> b.sessionContext("é".repeat(1001))), "sessionContext");
    }

    @Test
    void oneTimeValidIsZeroOrOne() {
        accepted(with(b -> b.oneTimeValid(0)));
        accepted(with(b -> b.oneTimeValid(1)));
        refused(with(b -> b.oneTimeValid(2)), "oneTimeValid");
        refused(with(b -> b.oneTimeValid(-1)), "oneTimeValid");
    }

    @Test
    void textThatCannotBeUtf8EncodedIsRefused() {
        refused(with(b -> b.sourceContext("a\uD800b")), "sourceContext");
        refused(with(b -> b.sessionContext("\uDC00")), "sessionContext");
        refused(with(b -> b.procedure("p\uD83D")), "procedure");
    }
}
