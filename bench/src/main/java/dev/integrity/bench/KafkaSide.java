package dev.integrity.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the benchmark does with Kafka: offsets, consumer groups, the scratch topic and the baseline producer. */
public interface KafkaSide extends AutoCloseable {

    /**
     * What the baseline producer did.
     *
     * @param sent         records sent, the warm-up's included
     * @param acknowledged records acknowledged after the warm-up
     * @param seconds      from the end of the warm-up to the last acknowledgement
     */
    record BaselineResult(long sent, long acknowledged, long failed, double seconds, double warmUpSeconds, String firstError) {

        public Double eventsPerSecond() {
            return seconds > 0 && acknowledged > 0 ? acknowledged / seconds : null;
        }
    }

    /** Log-end offsets by partition. */
    Map<Integer, Long> endOffsets(String topic);

    /** Log-start offsets by partition. */
    Map<Integer, Long> startOffsets(String topic);

    /** The group's committed offsets on the topic, by partition (partitions without one are absent). */
    Map<Integer, Long> committed(String group, String topic);

    /** Creates the topic; false if it was there already. */
    boolean createTopic(String topic, int partitions);

    void deleteTopic(String topic);

    /** The baseline producer's settings, for the report. */
    Map<String, String> producerConfig();

    /**
     * Sends the pool's events round and round to the topic, keyed by accountId, for {@code warmUp}
     * (not counted: the JIT and the connections warm up) and then {@code duration}; waits for every
     * acknowledgement.
     *
     * @param acknowledged counts acknowledgements as they come, the warm-up's included (for the timeline)
     */
    BaselineResult produce(String topic, EventPool pool, Duration warmUp, Duration duration, AtomicLong acknowledged);

    @Override
    void close();
}
