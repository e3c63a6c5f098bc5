package dev.integrity.bench.ops;

import dev.integrity.bench.ConsumerLag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One consumer group's lag: per topic it has committed offsets on, the records it has not committed
 * past, per partition and in total ({@link ConsumerLag}'s rule: a partition without a committed offset
 * counts from the log start).
 *
 * @param state   the group's state as the broker reports it (Stable, Empty, ...)
 * @param members the group's members, or -1 when unknown
 */
public record GroupLag(String group, String state, int members, List<TopicLag> topics) {

    public long lag() {
        return topics.stream().mapToLong(TopicLag::lag).sum();
    }

    /** A group's position on one topic. */
    public record TopicLag(String topic, List<PartitionLag> partitions) {

        /** From the topic's offsets by partition and the group's committed offsets (partitions without one absent). */
        public static TopicLag of(String topic, Map<Integer, Long> start, Map<Integer, Long> end, Map<Integer, Long> committed) {
            List<PartitionLag> partitions = new TreeMap<>(end).entrySet().stream()
                    .map(e -> new PartitionLag(e.getKey(), committed.get(e.getKey()), start.getOrDefault(e.getKey(), 0L), e.getValue()))
                    .toList();
            return new TopicLag(topic, partitions);
        }

        public long lag() {
            return partitions.stream().mapToLong(PartitionLag::lag).sum();
        }

        /** Partitions with something left to read. */
        public long behind() {
            return partitions.stream().filter(p -> p.lag() > 0).count();
        }
    }

    /**
     * @param committed the group's committed offset, or null if it has none on this partition
     * @param start     the log-start offset
     * @param end       the log-end offset
     */
    public record PartitionLag(int partition, Long committed, long start, long end) {

        public long lag() {
            return ConsumerLag.lag(Map.of(partition, end), committed == null ? Map.of() : Map.of(partition, committed), Map.of(partition, start));
        }
    }
}
