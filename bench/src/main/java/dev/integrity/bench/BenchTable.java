package dev.integrity.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as plain text: targets next to the measured numbers, latencies, processes. */
public final class BenchTable {

    private BenchTable() {
    }

    public static void print(BenchReport r, PrintWriter w) {
        w.println();
        w.println("Benchmark results" + (r.parameters() == null ? "" : String.format(Locale.ROOT, " (seed %d, %,d accounts)",
                r.parameters().seed(), r.parameters().accounts())));
        if (r.error() != null) {
            w.println("  the run stopped early: " + r.error());
        }
        w.println();
        String format = "  %-44s %16s   %-36s %s%n";
        w.printf(Locale.ROOT, format, "", "measured", "target", "");
        BenchReport.Baseline b = r.baseline();
        w.printf(Locale.ROOT, format, "(a) baseline: Kafka producer, acks=all", b == null ? "n/a" : Targets.rate(b.eventsPerSecond()), "(reference)",
                "");
        for (Targets.Target t : r.targets()) {
            w.printf(Locale.ROOT, format, t.name(), t.measuredText(), t.targetText(), t.status().label());
        }
        if (r.ratios() != null) {
            w.printf(Locale.ROOT, "  ratios to the baseline: accepted %s, processed %s%n", ratio(r.ratios().acceptedToBaseline()),
                    ratio(r.ratios().processedToBaseline()));
        }
        BenchReport.Pipeline p = r.pipeline();
        if (p != null) {
            List<String> caught = new java.util.ArrayList<>();
            p.caughtUpSeconds().forEach((g, sec) -> caught.add(String.format(Locale.ROOT, "%s %.1f s", g, sec)));
            w.printf(Locale.ROOT, "  (b) %,d events accepted in %.1f s; caught up (from the first send): %s; answers %s%n", p.accepted(),
                    p.sendSeconds(), caught.isEmpty() ? "not within the timeout" : String.join(", ", caught), p.answers());
            if (p.groupRates() != null) {
                p.groupRates().forEach((g, rate) -> w.printf(Locale.ROOT, "  (b) %s processed %s (%,d records in %.1f s%s)%n", g,
                        Targets.rate(rate.perSecond()), rate.records(), rate.seconds(), rate.caughtUp() ? "" : ", not caught up"));
            }
        }
        BenchReport.FixedRate f = r.fixedRate();
        if (f != null) {
            w.println();
            w.printf(Locale.ROOT, "  latency at %,.0f events/s offered (%,.0f/s accepted)%-8s %8s %8s %8s %8s%n", f.offeredRate(),
                    f.achievedRate() == null ? 0.0 : f.achievedRate(), "", "p50", "p95", "p99", "count");
            BenchReport.ServerLatency s = f.acceptedToDecided();
            w.printf(Locale.ROOT, "  %-58s %8s %8s %8s %8s%n", "accepted → decided, ms (server: scoring histogram)",
                    s == null ? "n/a" : ms(s.p50()), s == null ? "n/a" : ms(s.p95()), s == null ? "n/a" : ms(s.p99()),
                    s == null ? "n/a" : String.format(Locale.ROOT, "%,d", s.count()));
            BenchReport.Latency c = f.sendTo202();
            w.printf(Locale.ROOT, "  %-58s %8s %8s %8s %8s%n", "send → 202 per batch, ms (client: HdrHistogram)", ms(c.p50()), ms(c.p95()),
                    ms(c.p99()), String.format(Locale.ROOT, "%,d", c.count()));
        }
        BenchReport.ScaleOut scale = r.scaleOut();
        if (scale != null) {
            w.println();
            w.printf(Locale.ROOT, "  scale-out: scoring on %,d events with one instance %s, with two %s%s%n", scale.events(),
                    rate(scale.oneInstance()), rate(scale.twoInstances()),
                    scale.ratio() == null ? "" : String.format(Locale.ROOT, " (%.2f ×)", scale.ratio()));
            if (scale.note() != null) {
                w.printf(Locale.ROOT, "    %s%n", scale.note());
            }
        }
        if (!r.processes().isEmpty()) {
            w.println();
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-18s", "CPU % / RSS MB"));
            for (BenchReport.PhaseUsage u : r.processes()) {
                head.append(String.format(Locale.ROOT, " %16s", u.phase()));
            }
            w.println(head);
            List<String> components = r.processes().getFirst().processes().stream().map(Processes.Usage::component).toList();
            for (String component : components) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s", component));
                for (BenchReport.PhaseUsage u : r.processes()) {
                    Processes.Usage x = u.processes().stream().filter(y -> y.component().equals(component)).findFirst().orElse(null);
                    line.append(String.format(Locale.ROOT, " %16s", x == null || x.cpuPercent() == null ? "–"
                            : String.format(Locale.ROOT, "%.0f%% / %,.0f", x.cpuPercent(), x.maxRssKb() / 1024.0)));
                }
                w.println(line);
            }
        }
        BenchReport.Detection d = r.detection();
        if (d != null) {
            w.println();
            w.println(d.found() && !d.archetypes().isEmpty() ? "  detection per archetype: from " + d.file()
                    : "  detection per archetype: " + (d.note() == null ? "no evaluation found" : d.note()));
        }
        if (!r.notes().isEmpty()) {
            w.println();
            w.println("  notes:");
            r.notes().forEach(n -> w.println("  - " + n));
        }
        w.flush();
    }

    private static String rate(BenchReport.GroupRate g) {
        return g == null ? "n/a" : Targets.rate(g.perSecond()) + (g.caughtUp() ? "" : " (not caught up)");
    }

    private static String ratio(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f ×", v);
    }

    private static String ms(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }
}
