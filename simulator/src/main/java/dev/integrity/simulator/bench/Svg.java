package dev.integrity.simulator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Small, self-contained SVG charts (line and grouped bar charts) as strings: no scripts, no external resources. */
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

    static String lineChart(String title, Axis x, Axis y, List<Series> series, List<Reference> references, List<Marker> markers) {
        Box box = Box.DEFAULT;
        StringBuilder b = open(title, box);
        frame(b, box, x, y);
        double labelsEnd = Double.NEGATIVE_INFINITY;
        for (Marker m : markers) {
            if (m.x() < x.min() || m.x() > x.max()) {
                continue;
            }
            double px = px(m.x(), x, box);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9ca3af\" stroke-dasharray=\"2 3\"/>%n",
                    px, box.top(), px, box.height() - box.bottom()));
            if (px + 3 >= labelsEnd) { // a label that would overlap the one before is left out
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#6b7280\">%s</text>%n", px + 3,
                        box.top() + 10, escape(m.label())));
                labelsEnd = px + 3 + m.label().length() * 5.6 + 4;
            }
        }
        for (Reference r : references) {
            if (r.y() < y.min() || r.y() > y.max()) {
                continue;
            }
            double py = py(r.y(), y, box);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>%n",
                    box.left(), py, box.width() - box.right(), py, r.color()));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"%s\">%s</text>%n",
                    box.width() - box.right() - 4, py - 4, r.color(), escape(r.label())));
        }
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            int n = Math.min(s.x().length, s.y().length);
            for (int i = 0; i <= n; i++) {
                boolean gap = i == n || Double.isNaN(s.x()[i]) || Double.isNaN(s.y()[i]);
                if (gap) {
                    if (!points.isEmpty()) {
                        b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>%n",
                                s.color(), points.toString().strip()));
                        points.setLength(0);
                    }
                    continue;
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(s.x()[i], x, box), py(clamp(s.y()[i], y), y, box)));
            }
            for (int i = 0; i < n; i++) { // lone points would not show as lines
                boolean alone = !Double.isNaN(s.y()[i]) && (i == 0 || Double.isNaN(s.y()[i - 1])) && (i == n - 1 || Double.isNaN(s.y()[i + 1]));
                if (alone && !Double.isNaN(s.x()[i])) {
                    b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n", px(s.x()[i], x, box),
                            py(clamp(s.y()[i], y), y, box), s.color()));
                }
            }
        }
        legend(b, box, series.stream().map(s -> new String[] {s.name(), s.color()}).toList());
        return close(b);
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
        StringBuilder b = open(title, box);
        yFrame(b, box, y);
        double barWidth = Math.max(1, slot * 0.8 / Math.max(1, series.size()));
        for (int c = 0; c < n; c++) {
            double x0 = box.left() + c * slot + slot * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[c];
                if (Double.isNaN(v)) {
                    continue;
                }
                double top = py(clamp(v, y), y, box);
                double base = py(Math.max(y.min(), 0), y, box);
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                        x0 + s * barWidth, Math.min(top, base), barWidth, Math.abs(base - top), series.get(s).color(),
                        escape(categories.get(c) + " — " + series.get(s).name() + ": " + y.format().apply(v))));
            }
            if (c % labelEvery == 0) {
                double cx = box.left() + c * slot + slot / 2;
                double ly = box.height() - box.bottom() + 14;
                b.append(rotate
                        ? String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-40 %.1f %.1f)\">%s</text>%n",
                                cx + 4, ly, cx + 4, ly, escape(categories.get(c)))
                        : String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>%n", cx, ly,
                                escape(categories.get(c))));
            }
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#374151\"/>%n", box.left(),
                box.height() - box.bottom(), box.width() - box.right(), box.height() - box.bottom()));
        legend(b, box, series.stream().map(s -> new String[] {s.name(), s.color()}).toList());
        return close(b);
    }

    /** A note in place of a chart with nothing to draw. */
    static String empty(String title, String message) {
        Box box = Box.DEFAULT;
        StringBuilder b = open(title, box);
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" text-anchor=\"middle\" fill=\"#6b7280\">%s</text>%n",
                box.width() / 2, box.height() / 2, escape(message)));
        return close(b);
    }

    private static StringBuilder open(String title, Box box) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
                + "font-family=\"system-ui, sans-serif\" role=\"img\" aria-label=\"%s\">%n", box.width(), box.height(), box.width(), box.height(),
                escape(title)));
        b.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>%n", box.width(),
                box.height()));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"18\" font-size=\"14\" font-weight=\"600\">%s</text>%n", box.left(),
                escape(title)));
        return b;
    }

    private static String close(StringBuilder b) {
        return b.append("</svg>\n").toString();
    }

    private static void frame(StringBuilder b, Box box, Axis x, Axis y) {
        yFrame(b, box, y);
        double bottom = box.height() - box.bottom();
        for (double t : x.ticks()) {
            double px = px(t, x, box);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#f3f4f6\"/>%n", px, box.top(),
                    px, bottom));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>%n", px,
                    bottom + 14, escape(x.format().apply(t))));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#374151\"/>%n", box.left(),
                bottom, box.width() - box.right(), bottom));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#374151\">%s</text>%n",
                box.left() + (box.width() - box.left() - box.right()) / 2, box.height() - 12, escape(x.label())));
    }

    private static void yFrame(StringBuilder b, Box box, Axis y) {
        for (double t : y.ticks()) {
            double py = py(t, y, box);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>%n", box.left(), py,
                    box.width() - box.right(), py));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>%n", box.left() - 6,
                    py + 3, escape(y.format().apply(t))));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#374151\"/>%n", box.left(),
                box.top(), box.left(), box.height() - box.bottom()));
        double cy = box.top() + (box.height() - box.top() - box.bottom()) / 2;
        b.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#374151\" "
                + "transform=\"rotate(-90 14 %.1f)\">%s</text>%n", cy, cy, escape(y.label())));
    }

    private static void legend(StringBuilder b, Box box, List<String[]> items) {
        double x = box.left();
        double y = 34;
        for (String[] item : items) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"4\" fill=\"%s\"/>%n", x, y - 5, item[1]));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>%n", x + 16, y, escape(item[0])));
            x += 16 + item[0].length() * 6.2 + 18;
        }
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

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
