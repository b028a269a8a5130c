package io.vodflow.ingress.auth;

import io.vodflow.ingress.http.CallbackRejection;
import io.vodflow.kit.secret.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackPathPolicyTest {

    @Test
    void withoutATokenOneSegmentIsTheSubApp() {
        CallbackPathPolicy policy = new CallbackPathPolicy(null);
        assertThat(policy.subAppId(null, null)).isNull();
        assertThat(policy.subAppId("1500000001", null)).isEqualTo("1500000001");
    }

    @Test
    void withoutATokenTwoSegmentsAreNotFound() {
        assertThatThrownBy(() -> new CallbackPathPolicy(Secret.of("")).subAppId("1", "2"))
                .isInstanceOfSatisfying(CallbackRejection.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    }

    @Test
    void aSubAppMustBeDecimalDigits() {
        CallbackPathPolicy policy = new CallbackPathPolicy(null);
        for (String bad : new String[] {"abc", "-1", "12a", "1".repeat(21), "", "9223372036854775808", "1".repeat(20)}) {
            assertThatThrownBy(() -> policy.subAppId(bad, null))
                    .isInstanceOfSatisfying(CallbackRejection.class, e -> assertThat(e.reason()).isEqualTo("bad_path"));
        }
    }

    @Test
    void aSubAppIsPassedOnAsTheNumberDownstreamReadsUpToTheLargestBigint() {
        CallbackPathPolicy policy = new CallbackPathPolicy(null);
        assertThat(policy.subAppId("9223372036854775807", null)).isEqualTo("9223372036854775807");
        assertThat(policy.subAppId("0001500000001", null)).isEqualTo("1500000001");
        assertThat(policy.subAppId("0", null)).isEqualTo("0");
    }

    @Test
    void withATokenTheLastSegmentMustBeIt() {
        CallbackPathPolicy policy = new CallbackPathPolicy(Secret.of("tok"));
        assertThat(policy.subAppId("tok", null)).isNull();
        assertThat(policy.subAppId("42", "tok")).isEqualTo("42");
        for (String[] bad : new String[][] {{null, null}, {"42", null}, {"tok", "42"}, {"42", "tok2"}}) {
            assertThatThrownBy(() -> policy.subAppId(bad[0], bad[1]))
                    .isInstanceOfSatisfying(CallbackRejection.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(401);
                        assertThat(e.reason()).isEqualTo("path_token");
                        assertThat(e.getBody().getDetail()).doesNotContain("tok2");
                    });
        }
    }
}
