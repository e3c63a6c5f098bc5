package dev.integrity.bench;

import java.util.Map;

/**
 * Consumer lag from offsets by partition: the log-end offsets ({@code listOffsets} latest) against
 * a group's committed offsets ({@code listConsumerGroupOffsets}). A partition the group has not
 * committed on counts from the log-start offset (all of it is still to be read).
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Records on the topic the group has not committed past. */
    public static long lag(Map<Integer, Long> end, Map<Integer, Long> committed, Map<Integer, Long> start) {
        return lag(end, committed, start, 0);
    }

    /** The same, not counting up to {@code slack} offsets per partition (a transactional topic's last commit marker). */
    public static long lag(Map<Integer, Long> end, Map<Integer, Long> committed, Map<Integer, Long> start, long slack) {
        long lag = 0;
        for (Map.Entry<Integer, Long> e : end.entrySet()) {
            long position = position(e.getKey(), committed, start);
            lag += Math.max(0, e.getValue() - slack - position);
        }
        return lag;
    }

    /** The group has committed up to at least {@code target} on every partition of it. */
    public static boolean caughtUp(Map<Integer, Long> committed, Map<Integer, Long> target, Map<Integer, Long> start) {
        return caughtUp(committed, target, start, 0);
    }

    /** The same, up to {@code slack} offsets short on a partition (a transactional topic's last commit marker). */
    public static boolean caughtUp(Map<Integer, Long> committed, Map<Integer, Long> target, Map<Integer, Long> start, long slack) {
        for (Map.Entry<Integer, Long> e : target.entrySet()) {
            if (position(e.getKey(), committed, start) < e.getValue() - slack) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records a group committed past between two readings of its committed offsets: its progress in
     * that time, whether or not it has caught up with the topic's end.
     */
    public static long progressed(Map<Integer, Long> before, Map<Integer, Long> after, Map<Integer, Long> start) {
        long n = 0;
        for (Integer partition : after.keySet()) {
            n += Math.max(0, position(partition, after, start) - position(partition, before, start));
        }
        return n;
    }

    /** Records appended between two sets of end offsets. */
    public static long appended(Map<Integer, Long> before, Map<Integer, Long> after) {
        long n = 0;
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            n += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return n;
    }

    private static long position(int partition, Map<Integer, Long> committed, Map<Integer, Long> start) {
        Long c = committed.get(partition);
        return c != null ? c : start.getOrDefault(partition, 0L);
    }
}
