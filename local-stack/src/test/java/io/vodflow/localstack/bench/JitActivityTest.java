package io.vodflow.localstack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JitActivityTest {

    @Test
    void aRoundIsQuietWhenCompilingTookAtMostThreePercentOfIt() {
        assertThat(JitActivity.quiet(300, 10_000)).isTrue();
        assertThat(JitActivity.quiet(301, 10_000)).isFalse();
    }

    @Test
    void watchingNothingReportsNoCompileTime() throws Exception {
        JitActivity none = JitActivity.none();
        assertThat(none.watches()).isFalse();
        assertThat(none.busiestSinceLast()).isZero();
    }

    @Test
    void theCompileTimeIsSummedOverEveryCompilerSeries() {
        String text = """
                # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
                # TYPE jvm_compilation_time_ms_total counter
                jvm_compilation_time_ms_total{application="x",compiler="HotSpot 64-Bit Tiered Compilers"} 1234.0
                jvm_compilation_time_ms_total_other 99.0
                jvm_compilation_time_ms_total{application="y",compiler="another"} 6.0
                """;
        assertThat(PrometheusText.total(text, JitActivity.COMPILE_TIME)).isEqualTo(1240.0);
    }
}
