package dev.integrity.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The suite's processes and their CPU time and memory: the components {@code ./suite} started
 * (pids in {@code .suite/pids/<component>}), PostgreSQL (a system service: every process whose
 * command line matches {@code postgres}, summed) and the benchmark's own JVM.
 */
public final class Processes {

    /** Components with a pid file, in report order. */
    public static final List<String> PID_FILE_COMPONENTS = List.of("ingest", "scoring", "scoring-2", "notify", "gateway", "kafka", "redis");
    public static final String POSTGRES = "postgres";
    public static final String SELF = "bench (this JVM)";

    /** Every component's processes and their usage at one moment. */
    public record Snapshot(long nanos, Map<String, Map<Long, ProcFs.Usage>> byComponent) {

        /** The component's resident memory now (sum over its processes), or null if none was found. */
        public Long rssKb(String component) {
            Map<Long, ProcFs.Usage> pids = byComponent.get(component);
            return pids == null || pids.isEmpty() ? null : pids.values().stream().mapToLong(ProcFs.Usage::rssKb).sum();
        }
    }

    /**
     * A component over a phase. {@code cpuPercent}: CPU time over wall time × 100 (above 100 when it
     * kept more than one core busy); {@code rssKb} at the phase's end, {@code maxRssKb} the largest
     * seen in between (per-second samples). Nulls when the component had no process.
     */
    public record Usage(String component, List<Long> pids, Double cpuPercent, Long rssKb, Long maxRssKb) {
    }

    private final ProcFs proc;
    private final Path pidDir;
    private final Supplier<List<Long>> postgresPids;
    private final long selfPid;

    public Processes(ProcFs proc, Path pidDir, Supplier<List<Long>> postgresPids, long selfPid) {
        this.proc = proc;
        this.pidDir = pidDir;
        this.postgresPids = postgresPids;
        this.selfPid = selfPid;
    }

    /** The real machine: /proc, the suite's pid folder, {@code pgrep -f postgres}. */
    public static Processes system(Path pidDir) {
        return new Processes(ProcFs.system(), pidDir, () -> ProcFs.pgrep(POSTGRES), ProcessHandle.current().pid());
    }

    public static List<String> components() {
        List<String> all = new ArrayList<>(PID_FILE_COMPONENTS);
        all.add(POSTGRES);
        all.add(SELF);
        return all;
    }

    public Snapshot snapshot() {
        Map<String, Map<Long, ProcFs.Usage>> by = new LinkedHashMap<>();
        for (String component : PID_FILE_COMPONENTS) {
            Map<Long, ProcFs.Usage> pids = new LinkedHashMap<>();
            ProcFs.pidFile(pidDir.resolve(component)).ifPresent(pid -> proc.read(pid).ifPresent(u -> pids.put(pid, u)));
            by.put(component, pids);
        }
        Map<Long, ProcFs.Usage> postgres = new LinkedHashMap<>();
        for (long pid : postgresPids.get()) {
            proc.read(pid).ifPresent(u -> postgres.put(pid, u));
        }
        by.put(POSTGRES, postgres);
        Map<Long, ProcFs.Usage> self = new LinkedHashMap<>();
        proc.read(selfPid).ifPresent(u -> self.put(selfPid, u));
        by.put(SELF, self);
        return new Snapshot(System.nanoTime(), by);
    }

    /**
     * Usage between two snapshots. A process in both counts its CPU time in between; one that
     * appeared in between (a new PostgreSQL backend) counts all of its CPU time; one that ended in
     * between is not counted.
     *
     * @param samples snapshots taken in between, for the largest memory seen
     */
    public static List<Usage> between(Snapshot start, Snapshot end, List<Snapshot> samples, long ticksPerSecond) {
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        List<Usage> rows = new ArrayList<>();
        for (Map.Entry<String, Map<Long, ProcFs.Usage>> e : end.byComponent().entrySet()) {
            String component = e.getKey();
            Map<Long, ProcFs.Usage> now = e.getValue();
            Map<Long, ProcFs.Usage> before = start.byComponent().getOrDefault(component, Map.of());
            if (now.isEmpty()) {
                rows.add(new Usage(component, List.of(), null, null, null));
                continue;
            }
            long ticks = 0;
            for (Map.Entry<Long, ProcFs.Usage> p : now.entrySet()) {
                ProcFs.Usage b = before.get(p.getKey());
                ticks += Math.max(0, p.getValue().cpuTicks() - (b == null ? 0 : b.cpuTicks()));
            }
            Double cpu = seconds > 0 ? 100.0 * ticks / ticksPerSecond / seconds : null;
            Long rss = end.rssKb(component);
            long max = rss;
            Long atStart = start.rssKb(component);
            if (atStart != null) {
                max = Math.max(max, atStart);
            }
            for (Snapshot s : samples) {
                Long r = s.rssKb(component);
                if (r != null && s.nanos() >= start.nanos() && s.nanos() <= end.nanos()) {
                    max = Math.max(max, r);
                }
            }
            rows.add(new Usage(component, List.copyOf(now.keySet()), cpu, rss, max));
        }
        return rows;
    }
}
