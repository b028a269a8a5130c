package io.vodflow.localstack.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTailTest {

    @Test
    void theLatestErrorLineOutranksLaterOrdinaryLines() {
        ConsoleTail tail = new ConsoleTail();
        tail.add("{\"log\":{\"level\":\"ERROR\"},\"message\":\"first failure\"}");
        tail.add("{\"log\":{\"level\":\"ERROR\"},\"message\":\"Web server failed to start. Port 20001 was already in use.\"}");
        tail.add("{\"log\":{\"level\":\"INFO\"},\"message\":\"closing\"}");

        assertThat(tail.lastWords()).hasValueSatisfying(w -> assertThat(w).contains("Port 20001 was already in use"));
    }

    @Test
    void withoutAnErrorTheLastLineIsTheLastWord() {
        ConsoleTail tail = new ConsoleTail();
        assertThat(tail.lastWords()).isEmpty();
        tail.add("starting");
        tail.add("still starting");

        assertThat(tail.lastWords()).contains("still starting");
    }

    @Test
    void keepsOnlyRecentLines() {
        ConsoleTail tail = new ConsoleTail();
        tail.add("ERROR long ago");
        for (int i = 0; i < 100; i++) {
            tail.add("line " + i);
        }

        assertThat(tail.lastWords()).contains("line 99");
    }
}
