package dev.integrity.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's consuming stages as the benchmark measures them. A stage is a chain of consumer
 * groups: the first reads the events topic, each next one the topic the one before writes. Scoring
 * is two: its feature store (a Kafka Streams application, group {@code scoring-features}) on
 * {@code account-events}, then its decider (group {@code scoring}) on {@code scoring.features}, so an
 * event counts as scored only once the decider is past it. A stage's rate is its last group's.
 */
final class Stages {

    /**
     * One consumer group on one topic. On a topic written in Kafka transactions every transaction
     * ends with a commit marker, which takes an offset but is no record: a consumer that commits its
     * last record's offset + 1 stays one short of the end on each partition where the last thing
     * written was a marker, so such a leg counts as caught up one offset short of its target.
     */
    record Leg(String group, String topic, boolean transactional) {

        Leg(String group, String topic) {
            this(group, topic, false);
        }

        long slack() {
            return transactional ? 1 : 0;
        }
    }

    /** A named chain of legs; the first reads the events topic. */
    record Stage(String name, List<Leg> legs) {

        Leg last() {
            return legs.get(legs.size() - 1);
        }
    }

    static final Stage LEDGER = new Stage("ingest-ledger", List.of(new Leg("ingest-ledger", Bench.EVENTS_TOPIC)));
    static final Stage SCORING = new Stage("scoring", List.of(new Leg("scoring-features", Bench.EVENTS_TOPIC), new Leg("scoring", "scoring.features", true)));
    static final List<Stage> ALL = List.of(LEDGER, SCORING);

    private final KafkaSide kafka;
    private final Map<String, Map<Integer, Long>> startOffsets = new HashMap<>();

    Stages(KafkaSide kafka) {
        this.kafka = kafka;
        for (Stage s : ALL) {
            for (Leg leg : s.legs()) {
                startOffsets.computeIfAbsent(leg.topic(), kafka::startOffsets);
            }
        }
    }

    static List<String> names(List<Stage> stages) {
        return stages.stream().map(Stage::name).toList();
    }

    /** Records on the stage's topics its groups have not committed past, summed over its legs. */
    long lag(Stage stage) {
        long lag = 0;
        for (Leg leg : stage.legs()) {
            lag += ConsumerLag.lag(kafka.endOffsets(leg.topic()), kafka.committed(leg.group(), leg.topic()), start(leg), leg.slack());
        }
        return lag;
    }

    Map<String, Long> lag(List<Stage> stages) {
        Map<String, Long> lag = new LinkedHashMap<>();
        stages.forEach(s -> lag.put(s.name(), lag(s)));
        return lag;
    }

    /** The stage's last group's committed offsets. */
    Map<Integer, Long> committed(Stage stage) {
        return kafka.committed(stage.last().group(), stage.last().topic());
    }

    /** Records the stage's last group committed past between two readings. */
    long progressed(Stage stage, Map<Integer, Long> before, Map<Integer, Long> after) {
        return ConsumerLag.progressed(before, after, start(stage.last()));
    }

    /** Follows one stage until it has processed everything up to the given end offsets of the events topic. */
    Progress follow(Stage stage, Map<Integer, Long> eventsEnd) {
        return new Progress(stage, eventsEnd);
    }

    private Map<Integer, Long> start(Leg leg) {
        return startOffsets.computeIfAbsent(leg.topic(), kafka::startOffsets);
    }

    /**
     * A stage on its way to a target: when a leg has caught up, everything it will write for the
     * target is on the next leg's topic, whose end offsets then become the next leg's target.
     */
    final class Progress {

        private final Stage stage;
        private int leg;
        private Map<Integer, Long> target;
        private final List<Map<Integer, Long>> targets = new ArrayList<>();

        private Progress(Stage stage, Map<Integer, Long> eventsEnd) {
            this.stage = stage;
            this.target = eventsEnd;
            targets.add(eventsEnd);
        }

        /** Reads the offsets again; true once the stage's last group has caught up. */
        boolean caughtUp() {
            while (leg < stage.legs().size()) {
                Leg l = stage.legs().get(leg);
                if (!ConsumerLag.caughtUp(kafka.committed(l.group(), l.topic()), target, start(l), l.slack())) {
                    return false;
                }
                leg++;
                if (leg < stage.legs().size()) {
                    target = kafka.endOffsets(stage.legs().get(leg).topic());
                    targets.add(target);
                }
            }
            return true;
        }

        /** The last group's target, once known (else null). */
        Map<Integer, Long> lastTarget() {
            return targets.size() == stage.legs().size() ? targets.get(targets.size() - 1) : null;
        }
    }
}
