package dev.integrity.simulator.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;

/** {@code report.html}: one self-contained page, charts as inline SVG, no scripts and nothing loaded from elsewhere. */
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:960px;color:#111827;padding:0 12px}
            h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #e5e7eb;padding:4px 8px;text-align:right}
            th{background:#f9fafb}td:first-child,th:first-child{text-align:left}.met{color:#15803d;font-weight:600}
            .notmet{color:#b91c1c;font-weight:600}.na{color:#6b7280}.muted{color:#6b7280;font-size:13px}
            .kv td{text-align:left}.error{background:#fef2f2;border:1px solid #fecaca;padding:8px;color:#991b1b}svg{max-width:100%;height:auto;display:block;margin:8px 0}
            """;

    private HtmlReport() {
    }

    public static String render(BenchReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Integrity Suite benchmark</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Integrity Suite benchmark</h1>\n");
        h.append("<p class=\"muted\">").append(esc(String.valueOf(r.startedAt()))).append(" → ").append(esc(String.valueOf(r.finishedAt())));
        if (r.parameters() != null) {
            BenchReport.Parameters p = r.parameters();
            h.append(String.format(Locale.ROOT, " · gateway %s · Kafka %s · %,d accounts · seed %d", esc(p.gateway()), esc(p.kafka()), p.accounts(),
                    p.seed()));
        }
        h.append("</p>\n");
        if (r.error() != null) {
            h.append("<p class=\"error\">The run stopped early: ").append(esc(r.error())).append("</p>\n");
        }
        targets(h, r);
        throughput(h, r);
        latency(h, r);
        processes(h, r);
        detection(h, r);
        if (!r.notes().isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>\n");
            r.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
            h.append("</ul>\n");
        }
        parameters(h, r);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void targets(StringBuilder h, BenchReport r) {
        h.append("<h2>Targets</h2>\n<table>\n<tr><th>what</th><th>measured</th><th>target</th><th></th></tr>\n");
        for (Targets.Target t : r.targets()) {
            String cls = switch (t.status()) {
                case MET -> "met";
                case NOT_MET -> "notmet";
                case UNKNOWN -> "na";
            };
            h.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(esc(t.measuredText())).append("</td><td>")
                    .append(esc(t.targetText())).append("</td><td class=\"").append(cls).append("\">").append(t.status().label())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"muted\">Reported, not enforced: a missed target does not fail the run.</p>\n");
    }

    private static void throughput(StringBuilder h, BenchReport r) {
        h.append("<h2>Throughput</h2>\n<table>\n<tr><th>what</th><th>events/s</th><th>events</th><th>seconds</th><th>× baseline</th></tr>\n");
        BenchReport.Baseline b = r.baseline();
        if (b != null) {
            row(h, "(a) baseline: Kafka producer, acks=all, " + b.partitions() + " partitions", rate(b.eventsPerSecond()),
                    count(b.acknowledged()), secs(b.seconds()), "1");
        }
        BenchReport.Pipeline p = r.pipeline();
        if (p != null) {
            Double accRatio = r.ratios() == null ? null : r.ratios().acceptedToBaseline();
            Double procRatio = r.ratios() == null ? null : r.ratios().processedToBaseline();
            row(h, "(b) accepted through the gateway (202)", rate(p.acceptedPerSecond()), count(p.accepted()), secs(p.sendSeconds()),
                    ratio(accRatio));
            row(h, "(b) processed: ledgered and scored (the slower group)", rate(p.processedPerSecond()), count(p.accepted()),
                    p.processedSeconds() == null ? "n/a" : secs(p.processedSeconds()), ratio(procRatio));
            if (p.groupRates() != null) {
                p.groupRates().forEach((group, g) -> row(h, "(b) processed by " + group + (g.caughtUp() ? "" : " (did not catch up)"),
                        rate(g.perSecond()), count(g.records()), secs(g.seconds()), ""));
            }
            BenchReport.ScaleOut scale = r.scaleOut();
            if (scale != null) {
                row(h, "(d) scoring, one instance", scale.oneInstance() == null ? "n/a" : rate(scale.oneInstance().perSecond()),
                        count(scale.events()), scale.oneInstance() == null ? "n/a" : secs(scale.oneInstance().seconds()), "");
                row(h, "(d) scoring, two instances", scale.twoInstances() == null ? "n/a" : rate(scale.twoInstances().perSecond()),
                        count(scale.events()), scale.twoInstances() == null ? "n/a" : secs(scale.twoInstances().seconds()),
                        scale.ratio() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f × one", scale.ratio()));
            }
            h.append("</table>\n");
            h.append("<p class=\"muted\">A stage's rate = records its last consumer group committed past from the first send until ")
                    .append("it had processed everything up to the end offsets of ").append(Bench.EVENTS_TOPIC)
                    .append(" recorded when sending stopped (or until the wait for it ended); scoring is its feature store on ")
                    .append(Bench.EVENTS_TOPIC).append(" then its decider on scoring.features. Processed is the slower of ").append(esc(String.join(" and ", Bench.GROUPS)))
                    .append(". Caught up after: ")
                    .append(esc(seconds(p.caughtUpSeconds()))).append(". Answers: ").append(esc(String.valueOf(p.answers()))).append(".</p>\n");
        } else {
            h.append("</table>\n");
        }
        List<BenchReport.Sample> timeline = r.timeline();
        if (timeline.isEmpty()) {
            h.append(Svg.empty("Throughput over time", "no samples"));
            return;
        }
        List<Svg.Marker> markers = markers(timeline);
        double tMax = timeline.getLast().t();
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("baseline", "(a) baseline: acknowledged/s");
        phases.put("pipeline", "(b) pipeline: accepted/s");
        phases.put("fixed-rate", "(c) fixed rate: accepted/s");
        List<Svg.Series> series = new ArrayList<>();
        double yMax = 0;
        int color = 0;
        for (Map.Entry<String, String> e : phases.entrySet()) {
            double[] x = new double[timeline.size()];
            double[] y = new double[timeline.size()];
            boolean any = false;
            for (int i = 0; i < timeline.size(); i++) {
                BenchReport.Sample s = timeline.get(i);
                x[i] = s.t();
                y[i] = s.phase().equals(e.getKey()) && s.perSecond() != null ? s.perSecond() : Double.NaN;
                if (!Double.isNaN(y[i])) {
                    any = true;
                    yMax = Math.max(yMax, y[i]);
                }
            }
            if (any) {
                series.add(new Svg.Series(e.getValue(), Svg.PALETTE[color], x, y));
            }
            color++;
        }
        List<Svg.Reference> refs = new ArrayList<>();
        if (b != null && b.eventsPerSecond() != null) {
            refs.add(new Svg.Reference(b.eventsPerSecond(), "baseline " + Svg.compact(b.eventsPerSecond()) + "/s", "#6b7280"));
            refs.add(new Svg.Reference(Targets.ACCEPTED_TO_BASELINE * b.eventsPerSecond(), String.format(java.util.Locale.ROOT, "accepted target (%.2f × baseline)", Targets.ACCEPTED_TO_BASELINE), "#2563eb"));
            yMax = Math.max(yMax, b.eventsPerSecond());
        }
        refs.add(new Svg.Reference(Targets.PROCESSED_MIN_PER_SECOND, "processed target 30k/s", "#16a34a"));
        yMax = Math.max(yMax, Targets.PROCESSED_MIN_PER_SECOND);
        Svg.Axis xAxis = Svg.Axis.nice("seconds since the start", 0, Math.max(1, tMax), Svg::compact);
        h.append(Svg.lineChart("Throughput over time (events/s, per second)", xAxis, Svg.Axis.nice("events/s", 0, yMax * 1.05, Svg::compact),
                series, refs, markers));

        Set<String> groups = new LinkedHashSet<>();
        timeline.stream().filter(s -> s.lag() != null).forEach(s -> groups.addAll(s.lag().keySet()));
        if (groups.isEmpty()) {
            h.append(Svg.empty("Consumer lag over time", "consumer lag could not be read"));
            return;
        }
        List<Svg.Series> lag = new ArrayList<>();
        double lagMax = 0;
        int c = 4;
        for (String g : groups) {
            double[] x = new double[timeline.size()];
            double[] y = new double[timeline.size()];
            for (int i = 0; i < timeline.size(); i++) {
                BenchReport.Sample s = timeline.get(i);
                x[i] = s.t();
                Long l = s.lag() == null ? null : s.lag().get(g);
                y[i] = l == null ? Double.NaN : l;
                if (l != null) {
                    lagMax = Math.max(lagMax, l);
                }
            }
            lag.add(new Svg.Series("lag " + g, Svg.PALETTE[c++ % Svg.PALETTE.length], x, y));
        }
        h.append(Svg.lineChart("Consumer lag per stage (records, sampled each second)", xAxis,
                Svg.Axis.nice("records behind", 0, Math.max(1, lagMax * 1.05), Svg::compact), lag, List.of(), markers));
    }

    private static List<Svg.Marker> markers(List<BenchReport.Sample> timeline) {
        List<Svg.Marker> markers = new ArrayList<>();
        String last = null;
        for (BenchReport.Sample s : timeline) {
            if (!s.phase().equals(last)) {
                markers.add(new Svg.Marker(s.t(), s.phase()));
                last = s.phase();
            }
        }
        return markers;
    }

    private static void latency(StringBuilder h, BenchReport r) {
        h.append("<h2>Latency at a fixed rate</h2>\n");
        BenchReport.FixedRate f = r.fixedRate();
        if (f == null) {
            h.append("<p class=\"na\">(c) did not run.</p>\n");
            return;
        }
        h.append(String.format(Locale.ROOT, "<p class=\"muted\">Offered %,.0f events/s for %.1f s: %,d events sent, %,d accepted (%s/s).</p>%n",
                f.offeredRate(), f.sendSeconds(), f.events(), f.accepted(), f.achievedRate() == null ? "n/a" : Svg.compact(f.achievedRate())));
        h.append("<table>\n<tr><th>latency (ms)</th><th>count</th><th>p50</th><th>p95</th><th>p99</th><th>mean</th><th>max</th></tr>\n");
        BenchReport.ServerLatency s = f.acceptedToDecided();
        if (s != null) {
            h.append("<tr><td>accepted → decided (server: scoring's histogram, bucket diff)</td><td>").append(count(s.count())).append("</td><td>")
                    .append(ms(s.p50())).append("</td><td>").append(ms(s.p95())).append("</td><td>").append(ms(s.p99())).append("</td><td>")
                    .append(ms(s.mean())).append("</td><td>").append("–").append("</td></tr>\n");
        } else {
            h.append("<tr><td>accepted → decided (server)</td><td colspan=\"6\" class=\"na\">not measured (see notes)</td></tr>\n");
        }
        BenchReport.Latency c = f.sendTo202();
        h.append("<tr><td>send → 202 per batch (client, HdrHistogram)</td><td>").append(count(c.count())).append("</td><td>").append(ms(c.p50()))
                .append("</td><td>").append(ms(c.p95())).append("</td><td>").append(ms(c.p99())).append("</td><td>").append(ms(c.mean()))
                .append("</td><td>").append(ms(c.max())).append("</td></tr>\n</table>\n");
        if (s != null && s.scoringQuantiles() != null && !s.scoringQuantiles().isEmpty()) {
            h.append("<p class=\"muted\">Scoring's own quantile lines afterwards (its recent window, not only this phase): ")
                    .append(esc(quantiles(s.scoringQuantiles()))).append(".</p>\n");
        }
        if (s != null && s.note() != null) {
            h.append("<p class=\"muted\">").append(esc(s.note())).append("</p>\n");
        }
        if (s != null && !s.buckets().isEmpty()) {
            List<String> cats = new ArrayList<>();
            double[] counts = new double[s.buckets().size()];
            double max = 0;
            for (int i = 0; i < s.buckets().size(); i++) {
                BenchReport.BucketCount bc = s.buckets().get(i);
                cats.add(bc.upperMs() == null ? "> " + Svg.compact(bc.lowerMs()) : "≤ " + Svg.compact(bc.upperMs()));
                counts[i] = bc.count();
                max = Math.max(max, bc.count());
            }
            h.append(Svg.barChart("Accepted → decided: events per histogram bucket (ms)", cats,
                    List.of(new Svg.Bars("events in bucket", Svg.PALETTE[0], counts)), Svg.Axis.nice("events", 0, Math.max(1, max), Svg::compact)));
        } else {
            h.append(Svg.empty("Accepted → decided: events per histogram bucket", "no decisions measured"));
        }
        List<Svg.Series> curves = new ArrayList<>();
        double yMax = Targets.P99_MAX_MS;
        if (s != null && !s.percentiles().isEmpty()) {
            curves.add(curve("accepted → decided (server)", Svg.PALETTE[0], s.percentiles()));
            yMax = Math.max(yMax, s.percentiles().stream().mapToDouble(BenchReport.Point::millis).max().orElse(0));
        }
        if (!c.percentiles().isEmpty()) {
            List<BenchReport.Point> finite = c.percentiles().stream().filter(p -> p.percentile() < 100).toList();
            curves.add(curve("send → 202 per batch (client)", Svg.PALETTE[1], finite));
            yMax = Math.max(yMax, finite.stream().mapToDouble(BenchReport.Point::millis).max().orElse(0));
        }
        if (curves.isEmpty()) {
            h.append(Svg.empty("Latency by percentile", "no latencies measured"));
            return;
        }
        double[] ticks = {0, 1, 2, 3, 4};
        DoubleFunction<String> nines = v -> switch ((int) Math.round(v)) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            case 3 -> "99.9%";
            default -> "99.99%";
        };
        h.append(Svg.lineChart("Latency by percentile (ms)", new Svg.Axis("percentile", 0, 4, ticks, nines),
                Svg.Axis.nice("ms", 0, yMax * 1.05, Svg::compact), curves,
                List.of(new Svg.Reference(Targets.P99_MAX_MS, "p99 target 250 ms", "#dc2626")), List.of(new Svg.Marker(2, "p99"))));
    }

    private static Svg.Series curve(String name, String color, List<BenchReport.Point> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = Math.min(4, -Math.log10(1 - points.get(i).percentile() / 100));
            y[i] = points.get(i).millis();
        }
        return new Svg.Series(name, color, x, y);
    }

    private static void processes(StringBuilder h, BenchReport r) {
        h.append("<h2>Processes: CPU and memory</h2>\n");
        if (r.processes().isEmpty()) {
            h.append("<p class=\"na\">No phase ran.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>process</th>");
        for (BenchReport.PhaseUsage p : r.processes()) {
            h.append("<th>").append(esc(p.phase())).append(" CPU %</th><th>").append(esc(p.phase())).append(" RSS max MB</th>");
        }
        h.append("</tr>\n");
        List<String> components = r.processes().getFirst().processes().stream().map(Processes.Usage::component).toList();
        for (String component : components) {
            h.append("<tr><td>").append(esc(component)).append("</td>");
            for (BenchReport.PhaseUsage p : r.processes()) {
                Processes.Usage u = p.processes().stream().filter(x -> x.component().equals(component)).findFirst().orElse(null);
                h.append("<td>").append(u == null || u.cpuPercent() == null ? "–" : String.format(Locale.ROOT, "%.0f", u.cpuPercent()))
                        .append("</td><td>").append(u == null || u.maxRssKb() == null ? "–" : String.format(Locale.ROOT, "%,.0f", u.maxRssKb() / 1024.0))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p class=\"muted\">CPU % = CPU time (utime + stime from /proc/&lt;pid&gt;/stat) over the phase's wall time; "
                + "above 100 means more than one core. RSS = VmRSS from /proc/&lt;pid&gt;/status, the largest seen during the phase "
                + "(sampled each second). postgres is the sum over every process <code>pgrep -f postgres</code> finds.</p>\n");
        List<Svg.Bars> cpu = new ArrayList<>();
        double cpuMax = 0;
        int color = 0;
        for (BenchReport.PhaseUsage p : r.processes()) {
            double[] v = new double[components.size()];
            for (int i = 0; i < components.size(); i++) {
                String component = components.get(i);
                Processes.Usage u = p.processes().stream().filter(x -> x.component().equals(component)).findFirst().orElse(null);
                v[i] = u == null || u.cpuPercent() == null ? Double.NaN : u.cpuPercent();
                if (!Double.isNaN(v[i])) {
                    cpuMax = Math.max(cpuMax, v[i]);
                }
            }
            cpu.add(new Svg.Bars(p.phase(), Svg.PALETTE[color++ % Svg.PALETTE.length], v));
        }
        h.append(Svg.barChart("CPU per process and phase (% of one core)", components, cpu,
                Svg.Axis.nice("CPU %", 0, Math.max(1, cpuMax), Svg::compact)));
    }

    private static void detection(StringBuilder h, BenchReport r) {
        h.append("<h2>Detection per archetype</h2>\n");
        BenchReport.Detection d = r.detection();
        if (d == null || !d.found() || d.archetypes().isEmpty()) {
            String why = d == null || d.note() == null ? "no evaluation found" : d.note();
            h.append("<p class=\"na\">").append(esc(why)).append(d != null && d.file() != null ? " (looked for " + esc(d.file()) + ")" : "")
                    .append(".</p>\n");
            return;
        }
        h.append(String.format(Locale.ROOT, "<p class=\"muted\">From %s: flagged precision %s, recall %s; enforced precision %s, recall %s "
                + "(inauthentic = positive).</p>%n", esc(d.file()), share(d.flaggedPrecision()), share(d.flaggedRecall()),
                share(d.enforcedPrecision()), share(d.enforcedRecall())));
        List<String> cats = new ArrayList<>();
        double[] flagged = new double[d.archetypes().size()];
        double[] enforced = new double[d.archetypes().size()];
        for (int i = 0; i < d.archetypes().size(); i++) {
            BenchReport.ArchetypeDetection a = d.archetypes().get(i);
            cats.add(a.archetype() + (a.label() == 1 ? " (fake)" : " (genuine)"));
            flagged[i] = a.flaggedShare() == null ? Double.NaN : 100 * a.flaggedShare();
            enforced[i] = a.enforcedShare() == null ? Double.NaN : 100 * a.enforcedShare();
        }
        h.append(Svg.barChart("Share of each archetype's accounts flagged and enforced (%)", cats,
                List.of(new Svg.Bars("flagged", Svg.PALETTE[4], flagged), new Svg.Bars("enforced", Svg.PALETTE[3], enforced)),
                new Svg.Axis("% of accounts", 0, 100, new double[] {0, 20, 40, 60, 80, 100}, v -> String.format(Locale.ROOT, "%.0f", v))));
        h.append("<p class=\"muted\">For genuine archetypes a flag is a false positive; for fake ones it is the recall within the archetype.</p>\n");
    }

    private static void parameters(StringBuilder h, BenchReport r) {
        BenchReport.Parameters p = r.parameters();
        if (p == null) {
            return;
        }
        h.append("<h2>Parameters</h2>\n<table class=\"kv\">\n");
        row2(h, "gateway", p.gateway());
        row2(h, "Kafka", p.kafka());
        row2(h, "scoring metrics", p.scoringMetrics());
        row2(h, "accounts / seed", String.format(Locale.ROOT, "%,d / %d", p.accounts(), p.seed()));
        row2(h, "(a) baseline", String.format(Locale.ROOT, "%d s, a pool of %,d events", p.baselineSeconds(), p.baselinePoolEvents()));
        row2(h, "(b) pipeline", String.format(Locale.ROOT, "%d s, batches of %,d, %d in flight, %d token(s); catch-up wait ≤ %d s",
                p.durationSeconds(), p.batch(), p.concurrency(), p.tokens(), p.catchUpTimeoutSeconds()));
        row2(h, "(c) fixed rate", String.format(Locale.ROOT, "%,.0f events/s for %d s, batches of %,d, up to %d in flight", p.fixedRate(),
                p.fixedSeconds(), p.fixedBatch(), p.fixedConcurrency()));
        if (r.baseline() != null) {
            row2(h, "baseline producer", String.valueOf(r.baseline().producerConfig()) + String.format(Locale.ROOT,
                    "; %.0f s warm-up not counted", r.baseline().warmUpSeconds()));
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String... cells) {
        h.append("<tr>");
        for (String c : cells) {
            h.append("<td>").append(esc(c)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void row2(StringBuilder h, String k, String v) {
        row(h, k, v);
    }

    private static String seconds(Map<String, Double> m) {
        if (m == null || m.isEmpty()) {
            return "not within the timeout";
        }
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.1f s", k, v)));
        return String.join(", ", parts);
    }

    private static String quantiles(Map<String, Double> q) {
        List<String> parts = new ArrayList<>();
        q.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "q%s %.1f ms", k, v)));
        return String.join(", ", parts);
    }

    private static String rate(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ratio(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String secs(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ms(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static String share(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String esc(String s) {
        return Svg.escape(s);
    }
}
