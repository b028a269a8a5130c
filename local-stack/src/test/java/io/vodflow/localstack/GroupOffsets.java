package io.vodflow.localstack;

import io.vodflow.contract.kafka.VodTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Committed vs end offsets of a consumer group on vod.callbacks, to tell a stalled consumer from a lost record. */
final class GroupOffsets {
    private GroupOffsets() { }

    static String describe(String bootstrap, String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(java.util.List.of(VodTopics.CALLBACKS)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(VodTopics.CALLBACKS).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(VodTopics.CALLBACKS, p.partition()), p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<Integer, String> out = new TreeMap<>();
            ends.forEach((tp, end) -> {
                OffsetAndMetadata c = committed.get(tp);
                out.put(tp.partition(), (c == null ? "-" : String.valueOf(c.offset())) + "/" + end.offset());
            });
            return "committed/end by partition " + out;
        } catch (Exception e) {
            return "offsets unavailable: " + e;
        }
    }
}
