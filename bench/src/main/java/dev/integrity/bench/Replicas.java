package dev.integrity.bench;

/** A second scoring instance in scoring's consumer group, for the scale-out phase. */
public interface Replicas {

    /** Starts it; returns once it reports ready. */
    void start();

    /** Stops it (nothing if it is not running). */
    void stop();
}
