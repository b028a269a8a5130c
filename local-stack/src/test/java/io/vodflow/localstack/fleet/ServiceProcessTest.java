package io.vodflow.localstack.fleet;

import io.vodflow.infra.LocalPorts;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {

    @Test
    void aProcessThatDiesAtStartIsReportedWithWhatItLastSaid() throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ServiceProcess p = ServiceProcess.start("doomed", List.of("io.vodflow.NoSuchMain"), LocalPorts.pickFree(), Map.of(), quiet);

        assertThatThrownBy(() -> p.awaitHealthy(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("doomed exited with code 1; its last words: ")
                .hasMessageContaining("io.vodflow.NoSuchMain");
    }
}
