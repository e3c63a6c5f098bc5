package dev.integrity.simulator.send;

import java.io.Console;
import java.io.PrintStream;

/** Shows a send's progress: a progress bar on a terminal, a plain line every few seconds otherwise. */
public interface Progress extends AutoCloseable {

    void advance(long events, SendStats stats);

    @Override
    void close();

    static Progress none() {
        return new Progress() {
            @Override
            public void advance(long events, SendStats stats) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A bar when stderr is a terminal, periodic lines when not. */
    static Progress forStderr(String task, long total) {
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal() && System.getenv("CI") == null;
        PrintStream err = System.err;
        return terminal ? new BarProgress(task, total, err) : new LineProgress(task, total, err, 5_000);
    }
}
