package io.vodflow.processor.kafka;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PollLanesTest {

    /** A record "p:offset". */
    private static String partitionOf(String record) {
        return record.substring(0, record.indexOf(':'));
    }

    private static List<String> poll(Map<String, Integer> counts) {
        List<String> out = new ArrayList<>();
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int offset = 0; offset < max; offset++) {
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (offset < e.getValue()) {
                    out.add(e.getKey() + ":" + offset);
                }
            }
        }
        return out;
    }

    @Test
    void aSmallPollOverSeveralPartitionsIsOneBatch() {
        List<String> records = poll(Map.of("0", 8, "1", 7, "2", 9, "3", 8));
        List<List<List<String>>> lanes = PollLanes.plan(records, PollLanesTest::partitionOf, 500, 16);
        assertThat(lanes).hasSize(1);
        assertThat(lanes.get(0)).hasSize(1);
        assertThat(lanes.get(0).get(0)).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void aLargePollGetsOneLanePerFilledBatchWithEachPartitionInOneLaneInOffsetOrder() {
        List<String> records = poll(Map.of("0", 600, "1", 500, "2", 400, "3", 100, "4", 50));
        List<List<List<String>>> lanes = PollLanes.plan(records, PollLanesTest::partitionOf, 500, 16);
        assertThat(lanes).hasSize(4); // 1,650 records fill four batches of 500
        Map<String, Long> lanesPerPartition = new java.util.HashMap<>();
        for (List<List<String>> lane : lanes) {
            List<String> flat = lane.stream().flatMap(List::stream).toList();
            lane.forEach(batch -> assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(500));
            Map<String, List<Integer>> offsets = flat.stream().collect(Collectors.groupingBy(PollLanesTest::partitionOf,
                    Collectors.mapping(r -> Integer.parseInt(r.substring(r.indexOf(':') + 1)), Collectors.toList())));
            offsets.forEach((p, seen) -> {
                assertThat(seen).isSorted();
                lanesPerPartition.merge(p, 1L, Long::sum);
            });
        }
        assertThat(lanesPerPartition).containsOnlyKeys("0", "1", "2", "3", "4").allSatisfy((p, n) -> assertThat(n).isEqualTo(1L));
        assertThat(lanes.stream().flatMap(List::stream).mapToInt(List::size).sum()).isEqualTo(records.size());
    }

    @Test
    void lanesNeverExceedTheLimitOrThePartitionCount() {
        assertThat(PollLanes.plan(poll(Map.of("0", 5000)), PollLanesTest::partitionOf, 500, 16)).hasSize(1)
                .first().satisfies(lane -> assertThat(lane).hasSize(10));
        assertThat(PollLanes.plan(poll(Map.of("0", 900, "1", 900, "2", 900)), PollLanesTest::partitionOf, 100, 2)).hasSize(2);
        assertThat(PollLanes.plan(List.<String>of(), PollLanesTest::partitionOf, 500, 16)).isEmpty();
    }
}
