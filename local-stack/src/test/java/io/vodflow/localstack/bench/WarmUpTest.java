package io.vodflow.localstack.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpTest {

    /** Runs the warm-up over the given round rates; returns the rounds it asked for. */
    private static List<Integer> roundsRun(int maxRounds, double... rates) throws Exception {
        List<Integer> asked = new ArrayList<>();
        int ran = WarmUp.untilSteady(maxRounds, round -> {
            asked.add(round);
            return new WarmUp.Sample(rates[round - 1], true);
        });
        assertThat(ran).isEqualTo(asked.size());
        return asked;
    }

    @Test
    void stopsOnceThreeRoundsInARowAgree() throws Exception {
        assertThat(roundsRun(16, 300, 900, 3_000, 3_050, 3_020, 9_999)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aPlateauOfTwoRoundsIsNotTakenForSteady() throws Exception {
        // the processor bench's pipeline paused at 640/s for two rounds and then climbed to 3,600/s
        assertThat(roundsRun(16, 286, 640, 646, 1_100, 2_000, 2_900, 3_589, 3_618, 3_600, 3_610))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void threeAgreeingRoundsBelowAnEarlierBestAreNotSteady() throws Exception {
        // a dip (a GC-heavy stretch, a busy neighbour) is not the settled rate
        assertThat(roundsRun(16, 3_000, 2_000, 2_010, 2_020, 2_990, 3_000, 3_010)).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void agreeingRoundsCountOnlyOnceTheCompilersAreQuiet() throws Exception {
        List<Integer> asked = new ArrayList<>();
        WarmUp.untilSteady(16, round -> {
            asked.add(round);
            return new WarmUp.Sample(1_000, round >= 6);
        });
        assertThat(asked).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void givesUpAfterTheMaximumRounds() throws Exception {
        assertThat(roundsRun(4, 100, 200, 400, 800, 1_600)).containsExactly(1, 2, 3, 4);
    }
}
