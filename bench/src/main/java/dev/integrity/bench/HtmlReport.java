package dev.integrity.bench;

import io.quarkus.qute.RawString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * {@code report.html}: one self-contained page, charts as inline SVG, no scripts and nothing loaded from elsewhere.
 * The page is {@code templates/report.html}; this class works out what it shows: the values, as text, and the charts.
 */
public final class HtmlReport {

    /** What the page shows; null parts are left out (see the template). */
    record Page(String startedAt, String finishedAt, Run run, String error, List<TargetRow> targets, Throughput throughput, Latency latency,
            Usage processes, Detection detection, List<String> notes, Settings parameters) {
    }

    record Run(String gateway, String kafka, String accounts, String seed) {
    }

    record TargetRow(String name, String measured, String target, String css, String status) {
    }

    /** The rows of the throughput table (cells as text), how the pipeline's rates were measured, and the charts. */
    record Throughput(List<List<String>> rows, PipelineNote pipeline, List<RawString> charts) {
    }

    record PipelineNote(String eventsTopic, String groups, String caughtUp, String answers) {
    }

    /** (c): the server's row (count, p50, p95, p99, mean) if measured, the client's (the same and max). */
    record Latency(String offered, String seconds, String events, String accepted, String achieved, List<String> server, List<String> client,
            String quantiles, String note, List<RawString> charts) {
    }

    /** Per component, CPU % and RSS MB for each phase in turn. */
    record Usage(List<String> phases, List<UsageRow> rows, RawString chart) {
    }

    record UsageRow(String component, List<String> cells) {
    }

    /** With a chart, what the evaluation found; without, why there is none and where it was looked for. */
    record Detection(String file, String flaggedPrecision, String flaggedRecall, String enforcedPrecision, String enforcedRecall,
            RawString chart, String why) {
    }

    record Settings(String gateway, String kafka, String scoringMetrics, String accounts, String seed, String baselineSeconds,
            String baselinePool, String duration, String batch, String concurrency, String tokens, String catchUp, String fixedRate,
            String fixedSeconds, String fixedBatch, String fixedConcurrency, String producer, String warmUp) {
    }

    private HtmlReport() {
    }

    public static String render(BenchReport r) {
        BenchReport.Parameters p = r.parameters();
        Run run = p == null ? null : new Run(p.gateway(), p.kafka(), count(p.accounts()), String.valueOf(p.seed()));
        List<TargetRow> targets = r.targets().stream().map(t -> new TargetRow(t.name(), t.measuredText(), t.targetText(), switch (t.status()) {
            case MET -> "met";
            case NOT_MET -> "notmet";
            case UNKNOWN -> "na";
        }, t.status().label())).toList();
        return Markup.render("report.html", new Page(String.valueOf(r.startedAt()), String.valueOf(r.finishedAt()), run, r.error(), targets,
                throughput(r), latency(r), processes(r), detection(r), r.notes(), parameters(r)));
    }

    private static Throughput throughput(BenchReport r) {
        List<List<String>> rows = new ArrayList<>();
        BenchReport.Baseline b = r.baseline();
        if (b != null) {
            rows.add(List.of("(a) baseline: Kafka producer, acks=all, " + b.partitions() + " partitions", rate(b.eventsPerSecond()),
                    count(b.acknowledged()), secs(b.seconds()), "1"));
        }
        BenchReport.Pipeline p = r.pipeline();
        PipelineNote note = null;
        if (p != null) {
            Double accRatio = r.ratios() == null ? null : r.ratios().acceptedToBaseline();
            Double procRatio = r.ratios() == null ? null : r.ratios().processedToBaseline();
            rows.add(List.of("(b) accepted through the gateway (202)", rate(p.acceptedPerSecond()), count(p.accepted()), secs(p.sendSeconds()),
                    ratio(accRatio)));
            rows.add(List.of("(b) processed: ledgered and scored (the slower group)", rate(p.processedPerSecond()), count(p.accepted()),
                    p.processedSeconds() == null ? "n/a" : secs(p.processedSeconds()), ratio(procRatio)));
            if (p.groupRates() != null) {
                p.groupRates().forEach((group, g) -> rows.add(List.of("(b) processed by " + group + (g.caughtUp() ? "" : " (did not catch up)"),
                        rate(g.perSecond()), count(g.records()), secs(g.seconds()), "")));
            }
            BenchReport.ScaleOut scale = r.scaleOut();
            if (scale != null) {
                rows.add(List.of("(d) scoring, one instance", scale.oneInstance() == null ? "n/a" : rate(scale.oneInstance().perSecond()),
                        count(scale.events()), scale.oneInstance() == null ? "n/a" : secs(scale.oneInstance().seconds()), ""));
                rows.add(List.of("(d) scoring, two instances", scale.twoInstances() == null ? "n/a" : rate(scale.twoInstances().perSecond()),
                        count(scale.events()), scale.twoInstances() == null ? "n/a" : secs(scale.twoInstances().seconds()),
                        scale.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f × one", scale.ratio())));
            }
            note = new PipelineNote(Bench.EVENTS_TOPIC, String.join(" and ", Bench.GROUPS), seconds(p.caughtUpSeconds()),
                    String.valueOf(p.answers()));
        }
        return new Throughput(rows, note, throughputCharts(r));
    }

    private static List<RawString> throughputCharts(BenchReport r) {
        BenchReport.Baseline b = r.baseline();
        List<BenchReport.Sample> timeline = r.timeline();
        if (timeline.isEmpty()) {
            return List.of(chart(Svg.empty("Throughput over time", "no samples")));
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
            refs.add(new Svg.Reference(Targets.ACCEPTED_TO_BASELINE * b.eventsPerSecond(), String.format(Locale.ROOT, "accepted target (%.2f × baseline)", Targets.ACCEPTED_TO_BASELINE), "#2563eb"));
            yMax = Math.max(yMax, b.eventsPerSecond());
        }
        refs.add(new Svg.Reference(Targets.PROCESSED_MIN_PER_SECOND, "processed target 30k/s", "#16a34a"));
        yMax = Math.max(yMax, Targets.PROCESSED_MIN_PER_SECOND);
        Svg.Axis xAxis = Svg.Axis.nice("seconds since the start", 0, Math.max(1, tMax), Svg::compact);
        RawString throughput = chart(Svg.lineChart("Throughput over time (events/s, per second)", xAxis,
                Svg.Axis.nice("events/s", 0, yMax * 1.05, Svg::compact), series, refs, markers));

        Set<String> groups = new LinkedHashSet<>();
        timeline.stream().filter(s -> s.lag() != null).forEach(s -> groups.addAll(s.lag().keySet()));
        if (groups.isEmpty()) {
            return List.of(throughput, chart(Svg.empty("Consumer lag over time", "consumer lag could not be read")));
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
        return List.of(throughput, chart(Svg.lineChart("Consumer lag per stage (records, sampled each second)", xAxis,
                Svg.Axis.nice("records behind", 0, Math.max(1, lagMax * 1.05), Svg::compact), lag, List.of(), markers)));
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

    private static Latency latency(BenchReport r) {
        BenchReport.FixedRate f = r.fixedRate();
        if (f == null) {
            return null;
        }
        BenchReport.ServerLatency s = f.acceptedToDecided();
        BenchReport.Latency c = f.sendTo202();
        List<String> server = s == null ? null : List.of(count(s.count()), ms(s.p50()), ms(s.p95()), ms(s.p99()), ms(s.mean()));
        List<String> client = List.of(count(c.count()), ms(c.p50()), ms(c.p95()), ms(c.p99()), ms(c.mean()), ms(c.max()));
        String quantiles = s != null && s.scoringQuantiles() != null && !s.scoringQuantiles().isEmpty() ? quantiles(s.scoringQuantiles()) : null;
        return new Latency(String.format(Locale.ROOT, "%,.0f", f.offeredRate()), secs(f.sendSeconds()), count(f.events()), count(f.accepted()),
                f.achievedRate() == null ? "n/a" : Svg.compact(f.achievedRate()), server, client, quantiles, s == null ? null : s.note(),
                latencyCharts(s, c));
    }

    private static List<RawString> latencyCharts(BenchReport.ServerLatency s, BenchReport.Latency c) {
        List<RawString> charts = new ArrayList<>();
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
            charts.add(chart(Svg.barChart("Accepted → decided: events per histogram bucket (ms)", cats,
                    List.of(new Svg.Bars("events in bucket", Svg.PALETTE[0], counts)), Svg.Axis.nice("events", 0, Math.max(1, max), Svg::compact))));
        } else {
            charts.add(chart(Svg.empty("Accepted → decided: events per histogram bucket", "no decisions measured")));
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
            charts.add(chart(Svg.empty("Latency by percentile", "no latencies measured")));
            return charts;
        }
        double[] ticks = {0, 1, 2, 3, 4};
        DoubleFunction<String> nines = v -> switch ((int) Math.round(v)) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            case 3 -> "99.9%";
            default -> "99.99%";
        };
        charts.add(chart(Svg.lineChart("Latency by percentile (ms)", new Svg.Axis("percentile", 0, 4, ticks, nines),
                Svg.Axis.nice("ms", 0, yMax * 1.05, Svg::compact), curves,
                List.of(new Svg.Reference(Targets.P99_MAX_MS, "p99 target 250 ms", "#dc2626")), List.of(new Svg.Marker(2, "p99")))));
        return charts;
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

    private static Usage processes(BenchReport r) {
        if (r.processes().isEmpty()) {
            return null;
        }
        List<String> components = r.processes().getFirst().processes().stream().map(Processes.Usage::component).toList();
        List<UsageRow> rows = new ArrayList<>();
        for (String component : components) {
            List<String> cells = new ArrayList<>();
            for (BenchReport.PhaseUsage p : r.processes()) {
                Processes.Usage u = usage(p, component);
                cells.add(u == null || u.cpuPercent() == null ? "–" : String.format(Locale.ROOT, "%.0f", u.cpuPercent()));
                cells.add(u == null || u.maxRssKb() == null ? "–" : String.format(Locale.ROOT, "%,.0f", u.maxRssKb() / 1024.0));
            }
            rows.add(new UsageRow(component, cells));
        }
        List<Svg.Bars> cpu = new ArrayList<>();
        double cpuMax = 0;
        int color = 0;
        for (BenchReport.PhaseUsage p : r.processes()) {
            double[] v = new double[components.size()];
            for (int i = 0; i < components.size(); i++) {
                Processes.Usage u = usage(p, components.get(i));
                v[i] = u == null || u.cpuPercent() == null ? Double.NaN : u.cpuPercent();
                if (!Double.isNaN(v[i])) {
                    cpuMax = Math.max(cpuMax, v[i]);
                }
            }
            cpu.add(new Svg.Bars(p.phase(), Svg.PALETTE[color++ % Svg.PALETTE.length], v));
        }
        return new Usage(r.processes().stream().map(BenchReport.PhaseUsage::phase).toList(), rows,
                chart(Svg.barChart("CPU per process and phase (% of one core)", components, cpu,
                        Svg.Axis.nice("CPU %", 0, Math.max(1, cpuMax), Svg::compact))));
    }

    private static Processes.Usage usage(BenchReport.PhaseUsage phase, String component) {
        return phase.processes().stream().filter(x -> x.component().equals(component)).findFirst().orElse(null);
    }

    private static Detection detection(BenchReport r) {
        BenchReport.Detection d = r.detection();
        if (d == null || !d.found() || d.archetypes().isEmpty()) {
            return new Detection(d == null ? null : d.file(), null, null, null, null, null,
                    d == null || d.note() == null ? "no evaluation found" : d.note());
        }
        List<String> cats = new ArrayList<>();
        double[] flagged = new double[d.archetypes().size()];
        double[] enforced = new double[d.archetypes().size()];
        for (int i = 0; i < d.archetypes().size(); i++) {
            BenchReport.ArchetypeDetection a = d.archetypes().get(i);
            cats.add(a.archetype() + (a.label() == 1 ? " (fake)" : " (genuine)"));
            flagged[i] = a.flaggedShare() == null ? Double.NaN : 100 * a.flaggedShare();
            enforced[i] = a.enforcedShare() == null ? Double.NaN : 100 * a.enforcedShare();
        }
        RawString chart = chart(Svg.barChart("Share of each archetype's accounts flagged and enforced (%)", cats,
                List.of(new Svg.Bars("flagged", Svg.PALETTE[4], flagged), new Svg.Bars("enforced", Svg.PALETTE[3], enforced)),
                new Svg.Axis("% of accounts", 0, 100, new double[] {0, 20, 40, 60, 80, 100}, v -> String.format(Locale.ROOT, "%.0f", v))));
        return new Detection(d.file(), share(d.flaggedPrecision()), share(d.flaggedRecall()), share(d.enforcedPrecision()),
                share(d.enforcedRecall()), chart, null);
    }

    private static Settings parameters(BenchReport r) {
        BenchReport.Parameters p = r.parameters();
        if (p == null) {
            return null;
        }
        BenchReport.Baseline b = r.baseline();
        return new Settings(p.gateway(), p.kafka(), p.scoringMetrics(), count(p.accounts()), String.valueOf(p.seed()),
                String.valueOf(p.baselineSeconds()), count(p.baselinePoolEvents()), String.valueOf(p.durationSeconds()), count(p.batch()),
                String.valueOf(p.concurrency()), String.valueOf(p.tokens()), String.valueOf(p.catchUpTimeoutSeconds()),
                String.format(Locale.ROOT, "%,.0f", p.fixedRate()), String.valueOf(p.fixedSeconds()), count(p.fixedBatch()),
                String.valueOf(p.fixedConcurrency()), b == null ? null : String.valueOf(b.producerConfig()),
                b == null ? null : String.format(Locale.ROOT, "%.0f", b.warmUpSeconds()));
    }

    /** A rendered chart, on a line of its own in the template. */
    private static RawString chart(String svg) {
        return Markup.raw(svg.stripTrailing());
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
}
