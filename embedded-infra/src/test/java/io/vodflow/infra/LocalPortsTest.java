package io.vodflow.infra;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPortsTest {

    @Test
    void picksNeverRepeatWithinTheJvmThoughNoneIsBoundYet() {
        // 500 draws from 12,000 ports repeat one almost surely (birthday bound) unless picks are remembered
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int port = LocalPorts.pickFree();
            assertThat(picked.add(port)).as("port %d picked twice", port).isTrue();
            assertThat(port).isBetween(20_000, 31_999);
        }
    }
}
