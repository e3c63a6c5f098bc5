package dev.integrity.bench.ops;

import dev.integrity.bench.kafka.KafkaConnection;
import dev.integrity.bench.kafka.KafkaFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every consumer group's committed offsets and the log-start and log-end offsets of the topics
 * they read, with an AdminClient (what {@code kafka-consumer-groups.sh --describe --all-groups} shows).
 * Kafka Streams applications are consumer groups too (classic protocol) or streams groups (KIP-1071);
 * both are read. Share groups and non-consumer groups (Connect) have no lag in this sense and are left out.
 */
public final class LagReader {

    private final KafkaConnection kafka;

    public LagReader(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** The groups (all of them when {@code only} is empty), sorted by name; a named group that does not exist is an error. */
    public List<GroupLag> read(Collection<String> only) {
        kafka.requireReachable();
        Map<String, GroupListing> listings = new TreeMap<>();
        for (GroupListing g : kafka.get(kafka.admin().listGroups().all(), "list the consumer groups")) {
            if (hasLag(g)) {
                listings.put(g.groupId(), g);
            }
        }
        if (!only.isEmpty()) {
            Set<String> missing = new TreeSet<>(only);
            missing.removeAll(listings.keySet());
            if (!missing.isEmpty()) {
                throw new KafkaFailure("no consumer group " + String.join(", ", missing) + " (groups: "
                        + (listings.isEmpty() ? "none" : String.join(", ", listings.keySet())) + ")");
            }
            listings.keySet().retainAll(Set.copyOf(only));
        }
        Map<String, Integer> members = members(listings.values());
        Map<String, Map<TopicPartition, Long>> committed = new LinkedHashMap<>();
        Set<String> topics = new TreeSet<>();
        for (GroupListing g : listings.values()) {
            Map<TopicPartition, Long> offsets = committed(g);
            committed.put(g.groupId(), offsets);
            offsets.keySet().forEach(tp -> topics.add(tp.topic()));
        }
        Map<String, TopicDescription> described = topics.isEmpty() ? Map.of() : kafka.describeTopics(topics); // a deleted topic is left out
        Map<String, Map<Integer, Long>> start = offsets(described, OffsetSpec.earliest());
        Map<String, Map<Integer, Long>> end = offsets(described, OffsetSpec.latest());
        List<GroupLag> result = new ArrayList<>();
        for (GroupListing g : listings.values()) {
            Map<String, Map<Integer, Long>> byTopic = new TreeMap<>();
            committed.get(g.groupId()).forEach((tp, offset) -> byTopic.computeIfAbsent(tp.topic(), t -> new HashMap<>()).put(tp.partition(), offset));
            List<GroupLag.TopicLag> lags = new ArrayList<>();
            byTopic.forEach((topic, offsets) -> {
                if (end.containsKey(topic)) { // a deleted topic's old offsets are not lag
                    lags.add(GroupLag.TopicLag.of(topic, start.get(topic), end.get(topic), offsets));
                }
            });
            String state = g.groupState().map(Object::toString).orElse("?");
            result.add(new GroupLag(g.groupId(), state, members.getOrDefault(g.groupId(), -1), lags));
        }
        result.sort(Comparator.comparing(GroupLag::group));
        return result;
    }

    private static boolean hasLag(GroupListing g) {
        GroupType type = g.type().orElse(GroupType.CLASSIC);
        return switch (type) {
            case CONSUMER, STREAMS -> true;
            case CLASSIC -> g.protocol() == null || g.protocol().isEmpty() || g.protocol().equals("consumer");
            default -> false;
        };
    }

    private Map<String, Integer> members(Collection<GroupListing> groups) {
        List<String> consumers = groups.stream().filter(g -> g.type().orElse(GroupType.CLASSIC) != GroupType.STREAMS).map(GroupListing::groupId)
                .toList();
        Map<String, Integer> members = new HashMap<>();
        if (!consumers.isEmpty()) {
            Map<String, ConsumerGroupDescription> described = kafka.get(kafka.admin().describeConsumerGroups(consumers).all(),
                    "describe the consumer groups");
            described.forEach((id, d) -> members.put(id, d.members().size()));
        }
        return members;
    }

    private Map<TopicPartition, Long> committed(GroupListing g) {
        Map<TopicPartition, OffsetAndMetadata> offsets = g.type().orElse(GroupType.CLASSIC) == GroupType.STREAMS
                ? kafka.get(kafka.admin().listStreamsGroupOffsets(Map.of(g.groupId(), new ListStreamsGroupOffsetsSpec()))
                        .partitionsToOffsetAndMetadata(g.groupId()), "read the offsets of streams group " + g.groupId())
                : kafka.get(kafka.admin().listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata(),
                        "read the offsets of consumer group " + g.groupId());
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((tp, om) -> {
            if (om != null) {
                result.put(tp, om.offset());
            }
        });
        return result;
    }

    /** Offsets of every partition of these topics. */
    private Map<String, Map<Integer, Long>> offsets(Map<String, TopicDescription> described, OffsetSpec spec) {
        Map<String, Map<Integer, Long>> result = new TreeMap<>();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), spec)));
        if (request.isEmpty()) {
            return result;
        }
        kafka.get(kafka.admin().listOffsets(request).all(), "list the offsets of " + String.join(", ", described.keySet()))
                .forEach((tp, info) -> result.computeIfAbsent(tp.topic(), t -> new TreeMap<>()).put(tp.partition(), info.offset()));
        return result;
    }
}
