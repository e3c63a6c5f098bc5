package dev.integrity.bench;

import static dev.integrity.bench.Markup.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Small, self-contained SVG charts (line and grouped bar charts): the geometry here, the markup in {@code chart.svg}.
 * No scripts, no external resources.
 */
final class Svg {

    static final String[] PALETTE = {"#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777", "#4b5563"};

    /** The drawing's size and the margins around its plot area. */
    private record Box(double width, double height, double left, double right, double top, double bottom) {

        static final Box DEFAULT = new Box(880, 320, 78, 18, 46, 58);

        /** The same plot area with room for {@code extra} more pixels of labels below it. */
        Box taller(double extra) {
            return new Box(width, height + extra, left, right, top, bottom + extra);
        }
    }

    /** A line; NaN values break it. */
    record Series(String name, String color, double[] x, double[] y) {
    }

    /** A horizontal line across the plot, e.g. a target. */
    record Reference(double y, String label, String color) {
    }

    /** A vertical line at x, e.g. where a phase starts. */
    record Marker(double x, String label) {
    }

    /** A bar series: one value per category (NaN: no bar). */
    record Bars(String name, String color, double[] values) {
    }

    /** An axis: its range, ticks and how they are written. */
    record Axis(String label, double min, double max, double[] ticks, DoubleFunction<String> format) {

        static Axis nice(String label, double min, double max, DoubleFunction<String> format) {
            double[] ticks = niceTicks(min, max, 6);
            return new Axis(label, ticks[0], ticks[ticks.length - 1], ticks, format);
        }
    }

    private Svg() {
    }

    /** What {@code chart.svg} draws, every position worked out: null parts are not drawn. */
    record Chart(String title, String width, String height, String left, String right, String top, String bottom, YAxis y, XAxis x,
            List<MarkerLine> markers, List<ReferenceLine> references, List<Line> lines, List<Category> categories, Note note,
            List<Key> legend) {
    }

    /** A tick: where its grid line is, where its label is, and the label. */
    record Tick(String at, String labelAt, String label) {
    }

    record YAxis(List<Tick> ticks, String tickLabelX, String labelAt, String label) {
    }

    record XAxis(List<Tick> ticks, String labelAt, String labelY, String label) {
    }

    /** A phase boundary; its label is null where it would overlap the one before. */
    record MarkerLine(String x, String label, String labelX, String labelY) {
    }

    record ReferenceLine(String y, String color, String label, String labelX, String labelY) {
    }

    /** A series as the polylines between its gaps, and the points that stand alone (a line of one point would not show). */
    record Line(String color, List<String> polylines, List<Dot> dots) {
    }

    record Dot(String x, String y) {
    }

    /** A category's bars, and its label if this one is labelled. */
    record Category(List<Bar> bars, Label label) {
    }

    record Bar(String x, String y, String width, String height, String color, String tooltip) {
    }

    record Label(String x, String y, String text, boolean rotated) {
    }

    record Note(String x, String y, String text) {
    }

    /** A legend entry: its colour key and name. */
    record Key(String x, String keyY, String textX, String y, String color, String name) {
    }

    static String lineChart(String title, Axis x, Axis y, List<Series> series, List<Reference> references, List<Marker> markers) {
        Box box = Box.DEFAULT;
        List<MarkerLine> markerLines = new ArrayList<>();
        double labelsEnd = Double.NEGATIVE_INFINITY;
        for (Marker m : markers) {
            if (m.x() < x.min() || m.x() > x.max()) {
                continue;
            }
            double px = px(m.x(), x, box);
            boolean labelled = px + 3 >= labelsEnd; // a label that would overlap the one before is left out
            markerLines.add(new MarkerLine(at(px), labelled ? m.label() : null, at(px + 3), at(box.top() + 10)));
            if (labelled) {
                labelsEnd = px + 3 + m.label().length() * 5.6 + 4;
            }
        }
        List<ReferenceLine> referenceLines = new ArrayList<>();
        for (Reference r : references) {
            if (r.y() >= y.min() && r.y() <= y.max()) {
                double py = py(r.y(), y, box);
                referenceLines.add(new ReferenceLine(at(py), r.color(), r.label(), at(box.width() - box.right() - 4), at(py - 4)));
            }
        }
        List<Line> lines = series.stream().map(s -> line(s, x, y, box)).toList();
        double bottom = box.height() - box.bottom();
        List<Tick> xTicks = new ArrayList<>();
        for (double t : x.ticks()) {
            xTicks.add(new Tick(at(px(t, x, box)), at(bottom + 14), x.format().apply(t)));
        }
        XAxis xAxis = new XAxis(xTicks, at(box.left() + (box.width() - box.left() - box.right()) / 2), at(box.height() - 12), x.label());
        return render(box, title, yAxis(box, y), xAxis, markerLines, referenceLines, lines, null, null,
                legend(box, series.stream().map(s -> new String[] {s.name(), s.color()}).toList()));
    }

    private static Line line(Series s, Axis x, Axis y, Box box) {
        List<String> polylines = new ArrayList<>();
        List<String> points = new ArrayList<>();
        int n = Math.min(s.x().length, s.y().length);
        for (int i = 0; i <= n; i++) {
            if (i == n || Double.isNaN(s.x()[i]) || Double.isNaN(s.y()[i])) {
                if (!points.isEmpty()) {
                    polylines.add(String.join(" ", points));
                    points.clear();
                }
                continue;
            }
            points.add(at(px(s.x()[i], x, box)) + "," + at(py(clamp(s.y()[i], y), y, box)));
        }
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean alone = !Double.isNaN(s.y()[i]) && (i == 0 || Double.isNaN(s.y()[i - 1])) && (i == n - 1 || Double.isNaN(s.y()[i + 1]));
            if (alone && !Double.isNaN(s.x()[i])) {
                dots.add(new Dot(at(px(s.x()[i], x, box)), at(py(clamp(s.y()[i], y), y, box))));
            }
        }
        return new Line(s.color(), polylines, dots);
    }

    static String barChart(String title, List<String> categories, List<Bars> series, Axis y) {
        Box flat = Box.DEFAULT;
        double plotWidth = flat.width() - flat.left() - flat.right();
        int n = categories.size();
        double slot = n == 0 ? plotWidth : plotWidth / n;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 28.0));
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        boolean rotate = longest * 6.2 > slot * labelEvery;
        // rotated by 40°, a label reaches about 0.64 of its length down: make room for that below the plot
        Box box = rotate ? flat.taller(Math.max(0, longest * 6.2 * 0.64 - 30)) : flat;
        double barWidth = Math.max(1, slot * 0.8 / Math.max(1, series.size()));
        List<Category> drawn = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double x0 = box.left() + c * slot + slot * 0.1;
            List<Bar> bars = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[c];
                if (Double.isNaN(v)) {
                    continue;
                }
                double top = py(clamp(v, y), y, box);
                double base = py(Math.max(y.min(), 0), y, box);
                bars.add(new Bar(at(x0 + s * barWidth), at(Math.min(top, base)), at(barWidth), at(Math.abs(base - top)), series.get(s).color(),
                        categories.get(c) + " — " + series.get(s).name() + ": " + y.format().apply(v)));
            }
            Label label = null;
            if (c % labelEvery == 0) {
                double cx = box.left() + c * slot + slot / 2;
                label = new Label(at(rotate ? cx + 4 : cx), at(box.height() - box.bottom() + 14), categories.get(c), rotate);
            }
            drawn.add(new Category(bars, label));
        }
        return render(box, title, yAxis(box, y), null, List.of(), List.of(), List.of(), drawn, null,
                legend(box, series.stream().map(s -> new String[] {s.name(), s.color()}).toList()));
    }

    /** A note in place of a chart with nothing to draw. */
    static String empty(String title, String message) {
        Box box = Box.DEFAULT;
        return render(box, title, null, null, List.of(), List.of(), List.of(), null, new Note(at(box.width() / 2), at(box.height() / 2), message),
                List.of());
    }

    private static String render(Box box, String title, YAxis y, XAxis x, List<MarkerLine> markers, List<ReferenceLine> references,
            List<Line> lines, List<Category> categories, Note note, List<Key> legend) {
        Chart chart = new Chart(title, String.format(Locale.ROOT, "%.0f", box.width()), String.format(Locale.ROOT, "%.0f", box.height()),
                at(box.left()), at(box.width() - box.right()), at(box.top()), at(box.height() - box.bottom()), y, x, markers, references, lines,
                categories, note, legend);
        return Markup.render("chart.svg", chart);
    }

    private static YAxis yAxis(Box box, Axis y) {
        List<Tick> ticks = new ArrayList<>();
        for (double t : y.ticks()) {
            double py = py(t, y, box);
            ticks.add(new Tick(at(py), at(py + 3), y.format().apply(t)));
        }
        return new YAxis(ticks, at(box.left() - 6), at(box.top() + (box.height() - box.top() - box.bottom()) / 2), y.label());
    }

    private static List<Key> legend(Box box, List<String[]> items) {
        List<Key> keys = new ArrayList<>();
        double x = box.left();
        double y = 34;
        for (String[] item : items) {
            keys.add(new Key(at(x), at(y - 5), at(x + 16), at(y), item[1], item[0]));
            x += 16 + item[0].length() * 6.2 + 18;
        }
        return keys;
    }

    private static double px(double v, Axis x, Box box) {
        double span = x.max() - x.min();
        return box.left() + (span <= 0 ? 0 : (v - x.min()) / span) * (box.width() - box.left() - box.right());
    }

    private static double py(double v, Axis y, Box box) {
        double span = y.max() - y.min();
        return box.height() - box.bottom() - (span <= 0 ? 0 : (v - y.min()) / span) * (box.height() - box.top() - box.bottom());
    }

    private static double clamp(double v, Axis a) {
        return Math.max(a.min(), Math.min(a.max(), v));
    }

    /** Round ticks covering min..max, about {@code count} intervals or a few more (1, 2 or 5 times a power of ten apart). */
    static double[] niceTicks(double min, double max, int count) {
        if (!(max > min)) {
            max = min + (min == 0 ? 1 : Math.abs(min));
        }
        double rough = (max - min) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double norm = rough / magnitude;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
        double start = Math.floor(min / step + 1e-9) * step;
        double end = Math.ceil(max / step - 1e-9) * step;
        int n = (int) Math.max(1, Math.round((end - start) / step));
        double[] ticks = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = start + i * step;
            ticks[i] = Math.abs(t) < step * 1e-9 ? 0 : t;
        }
        return ticks;
    }

    /** 1.2k, 3.4M, 250, 0.5 */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 || v == Math.rint(v) ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
