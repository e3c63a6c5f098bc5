package dev.integrity.simulator.send;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar (me.tongfei:progressbar) with events/s and the running counts. */
final class BarProgress implements Progress {

    private final ProgressBar bar;

    BarProgress(String task, long total, PrintStream out) {
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setConsumer(new ConsoleProgressBarConsumer(out))
                .setUnit(" ev", 1).showSpeed(new DecimalFormat("#,##0")).setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250).build();
    }

    @Override
    public synchronized void advance(long events, SendStats stats) {
        bar.stepBy(events);
        bar.setExtraMessage(String.format(Locale.ROOT, " | dup %,d, rejected %,d, retries %,d", stats.duplicates(), stats.rejected(),
                stats.retries()));
    }

    @Override
    public synchronized void close() {
        bar.close();
    }
}
