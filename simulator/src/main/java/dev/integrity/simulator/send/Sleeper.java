package dev.integrity.simulator.send;

import java.time.Duration;

/** Waiting, replaceable in tests. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
