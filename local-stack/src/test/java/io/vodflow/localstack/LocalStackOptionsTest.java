package io.vodflow.localstack;

import io.vodflow.localstack.fleet.ServiceModule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackOptionsTest {

    @Test
    void servicePortsCanBeMovedOneByOne() {
        LocalStackOptions o = LocalStackOptions.parse(List.of("--signer-port", "18081", "--processor-port", "18083", "--demo"));
        assertThat(o.servicePorts()).containsEntry(ServiceModule.SIGNER, 18081).containsEntry(ServiceModule.PROCESSOR, 18083);
        assertThat(o.servicePorts().get(ServiceModule.INGRESS)).isPositive();
        assertThat(o.demo()).isTrue();
    }

    @Test
    void aMissingOrUnreadablePortIsAUsageError() {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--ingress-port"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ingress-port needs a value");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--ingress-port", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a port number");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--kafka-port", "70000"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--kafka-port needs a port number");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--sign-port", "1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage:");
    }
}
