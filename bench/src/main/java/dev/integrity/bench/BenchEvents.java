package dev.integrity.bench;

import dev.integrity.contract.AccountEvent;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.traffic.EventIds;
import dev.integrity.simulator.traffic.TrafficGenerator;
import dev.integrity.simulator.traffic.TrafficWindow;
import java.time.Clock;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;

/**
 * The benchmark's events: the simulator's population and traffic ({@link TrafficGenerator}),
 * streamed, never held. Should one population's window run out, the next one follows with the
 * seed plus one (new accounts, new event ids), so the stream does not end.
 */
public final class BenchEvents implements Iterator<AccountEvent> {

    private final long seed;
    private final int accounts;
    private final double hours;
    private final Clock clock;
    private int segment;
    private TrafficGenerator current;

    /**
     * @param hours the simulated window of each population (the events' occurredAt span it, ending now)
     */
    public BenchEvents(long seed, int accounts, double hours, Clock clock) {
        this.seed = seed;
        this.accounts = accounts;
        this.hours = hours;
        this.clock = clock;
        this.current = generator(seed);
    }

    private TrafficGenerator generator(long s) {
        var now = clock.instant();
        return new TrafficGenerator(Population.generate(s, accounts, now), TrafficWindow.endingAt(now, hours), new EventIds(s));
    }

    @Override
    public boolean hasNext() {
        if (!current.hasNext()) {
            segment++;
            current = generator(seed + segment);
        }
        return current.hasNext();
    }

    @Override
    public AccountEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Populations used so far beyond the first. */
    public int extraPopulations() {
        return segment;
    }

    /** The events until {@code deadline} (System.nanoTime() by default): then the stream ends, wherever it was. */
    public static <T> Iterator<T> until(Iterator<T> events, long deadlineNanos, LongSupplier nanoTime) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return nanoTime.getAsLong() - deadlineNanos < 0 && events.hasNext();
            }

            @Override
            public T next() {
                return events.next(); // not the clock again: after hasNext() said yes, next() must give one
            }
        };
    }

    /** At most {@code n} events. */
    public static <T> Iterator<T> limit(Iterator<T> events, long n) {
        return new Iterator<>() {
            private long left = n;

            @Override
            public boolean hasNext() {
                return left > 0 && events.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return events.next();
            }
        };
    }
}
