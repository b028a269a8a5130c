package io.vodflow.kit.kafka;

import java.util.Map;

/** A topic a service needs; partitions/replication null means the service-wide defaults. */
public record TopicSpec(String name, Integer partitions, Short replication, Map<String, String> configs) {

    /** A topic with the default partitions, replication and configs. */
    public static TopicSpec named(String name) {
        return new TopicSpec(name, null, null, Map.of());
    }
}
