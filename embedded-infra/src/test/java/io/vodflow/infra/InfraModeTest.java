package io.vodflow.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraModeTest {

    @Test
    void explicitSettingWinsWithoutAskingDocker() {
        assertThat(InfraMode.resolve("local", () -> { throw new AssertionError("docker was probed"); })).isEqualTo(InfraMode.LOCAL);
        assertThat(InfraMode.resolve(" Docker ", () -> false)).isEqualTo(InfraMode.DOCKER);
    }

    @Test
    void autoAndBlankFollowDockerAvailability() {
        assertThat(InfraMode.resolve(null, () -> true)).isEqualTo(InfraMode.DOCKER);
        assertThat(InfraMode.resolve("", () -> false)).isEqualTo(InfraMode.LOCAL);
        assertThat(InfraMode.resolve("auto", () -> false)).isEqualTo(InfraMode.LOCAL);
    }

    @Test
    void unknownSettingIsRefusedWithTheAllowedValues() {
        assertThatThrownBy(() -> InfraMode.resolve("podman", () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IT_INFRA must be docker, local or auto");
    }
}
