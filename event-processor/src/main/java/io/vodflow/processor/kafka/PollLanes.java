package io.vodflow.processor.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cuts one poll into lanes that run in parallel, each a sequence of batches (one transaction each). A partition's
 * records stay in one lane, in offset order, so per-partition order holds; a batch may hold several partitions.
 * A small poll becomes one lane of one batch (one transaction instead of one per partition); a large one gets as
 * many lanes as it fills batches, up to maxLanes, partitions spread largest first onto the lightest lane.
 */
public final class PollLanes {
    private PollLanes() { }

    /** Lanes of batches for the poll's records (in poll order); never empty batches. */
    public static <R, P> List<List<List<R>>> plan(List<R> records, Function<R, P> partitionOf, int batchSize, int maxLanes) {
        Map<P, List<R>> byPartition = new LinkedHashMap<>();
        records.forEach(r -> byPartition.computeIfAbsent(partitionOf.apply(r), p -> new ArrayList<>()).add(r));
        int wanted = (records.size() + batchSize - 1) / batchSize;
        int laneCount = Math.max(1, Math.min(Math.min(maxLanes, byPartition.size()), wanted));
        List<List<R>> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayList<>());
        }
        byPartition.values().stream()
                .sorted(Comparator.comparingInt((List<R> run) -> run.size()).reversed())
                .forEach(run -> lanes.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(run));
        List<List<List<R>>> planned = new ArrayList<>();
        for (List<R> lane : lanes) {
            if (lane.isEmpty()) {
                continue;
            }
            List<List<R>> batches = new ArrayList<>();
            for (int from = 0; from < lane.size(); from += batchSize) {
                batches.add(lane.subList(from, Math.min(lane.size(), from + batchSize)));
            }
            planned.add(batches);
        }
        return planned;
    }
}
