package dev.integrity.bench.cli;

import dev.integrity.bench.kafka.KafkaConnection;
import dev.integrity.model.cli.CliCommand;
import dev.integrity.bench.ops.GroupLag;
import dev.integrity.bench.ops.LagReader;
import dev.integrity.bench.ops.LagTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./suite lag}: each consumer group's lag per topic (and per partition), from Kafka's own offsets. */
@Command(name = "lag", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Each consumer group's lag: per topic it reads, the records it has not committed past (log-end offset minus "
                + "committed offset, summed over the partitions; a partition without a committed offset counts from the log start), and on "
                + "how many partitions it is behind. A transactional topic (scoring.features, enforcement.actions) can show 1 per "
                + "partition: its last commit marker.",
                "Exit codes: 0 done, 1 a group's lag on a topic is above --max-lag, 2 error (Kafka not reachable, unknown group).", ""})
final class LagCommand extends CliCommand {

    /** Exit code: a group's lag is above --max-lag. */
    static final int OVER_MAX_LAG = 1;

    @Mixin
    KafkaOption kafka;

    @Option(names = {"--group", "-g"}, paramLabel = "GROUP", description = "only this group (repeat for several; default: every group)")
    List<String> groups;

    @Option(names = {"--partitions", "-p"}, description = "one line per partition as well: committed offset, end offset, lag")
    boolean partitions;

    @Option(names = "--max-lag", paramLabel = "N", description = "exit 1 when a group's lag on a topic is above N (for scripts and checks)")
    Long maxLag;

    @Mixin
    TimeoutOption timeout;

    @Override
    public Integer call() {
        timeout.check(spec.commandLine());
        check(maxLag == null || maxLag >= 0, "--max-lag must be 0 or more, not " + maxLag);
        PrintWriter out = out();
        List<GroupLag> lags;
        try (KafkaConnection k = kafka.connect(timeout)) {
            lags = new LagReader(k).read(groups == null ? List.of() : groups);
        }
        LagTable.print(lags, partitions, out);
        if (maxLag != null) {
            PrintWriter err = err();
            boolean over = false;
            for (GroupLag g : lags) {
                for (GroupLag.TopicLag t : g.topics()) {
                    if (t.lag() > maxLag) {
                        err.printf(Locale.ROOT, "lag above %,d: %s on %s (%,d)%n", maxLag, g.group(), t.topic(), t.lag());
                        over = true;
                    }
                }
            }
            err.flush();
            return over ? OVER_MAX_LAG : 0;
        }
        return 0;
    }
}
