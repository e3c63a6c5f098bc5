package dev.integrity.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One histogram of a Prometheus text exposition (format 0.0.4 or OpenMetrics): the cumulative
 * {@code <name>_bucket{le="…"}} counts, {@code _count} and {@code _sum}, each summed over the
 * metric's label sets, and the {@code <name>{quantile="…"}} lines a Micrometer timer publishes.
 * Values are in the metric's unit (seconds for a timer). Immutable.
 */
public final class PrometheusHistogram {

    /** One bucket, not cumulative: the events with {@code lower < value <= upper}. */
    public record Bucket(double lower, double upper, long count) {
    }

    private final double[] upperBounds; // ascending, the last one +Inf
    private final long[] cumulative;
    private final double sum;
    private final long count;
    private final Map<Double, Double> quantiles;

    PrometheusHistogram(double[] upperBounds, long[] cumulative, double sum, long count, Map<Double, Double> quantiles) {
        if (upperBounds.length != cumulative.length) {
            throw new IllegalArgumentException("bounds and counts differ in length");
        }
        this.upperBounds = upperBounds.clone();
        this.cumulative = cumulative.clone();
        this.sum = sum;
        this.count = count;
        this.quantiles = Collections.unmodifiableMap(new TreeMap<>(quantiles));
    }

    /** The histogram {@code name} (without {@code _bucket}) in a Prometheus text page; empty if it has no buckets there. */
    public static Optional<PrometheusHistogram> parse(String text, String name) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        Map<Double, Double> quantiles = new LinkedHashMap<>();
        double sum = 0;
        long count = 0;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Sample s = sample(line);
            if (s == null) {
                continue;
            }
            if (s.name.equals(name + "_bucket")) {
                String le = s.labels.get("le");
                if (le != null) {
                    buckets.merge(bound(le), Math.round(s.value), Long::sum);
                }
            } else if (s.name.equals(name + "_count")) {
                count += Math.round(s.value);
            } else if (s.name.equals(name + "_sum")) {
                sum += s.value;
            } else if (s.name.equals(name) && s.labels.containsKey("quantile") && !Double.isNaN(s.value)) {
                quantiles.merge(bound(s.labels.get("quantile")), s.value, Math::max);
            }
        }
        if (buckets.isEmpty()) {
            return Optional.empty();
        }
        if (buckets.lastKey() != Double.POSITIVE_INFINITY) {
            buckets.put(Double.POSITIVE_INFINITY, Math.max(count, buckets.lastEntry().getValue()));
        }
        double[] bounds = buckets.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        long[] counts = buckets.values().stream().mapToLong(Long::longValue).toArray();
        return Optional.of(new PrometheusHistogram(bounds, counts, sum, count, quantiles));
    }

    /** A counter went backwards between the two snapshots: the process restarted in between. */
    public boolean isResetSince(PrometheusHistogram before) {
        if (count < before.count) {
            return true;
        }
        for (int i = 0; i < before.upperBounds.length; i++) {
            if (cumulative(before.upperBounds[i]) < before.cumulative[i]) {
                return true;
            }
        }
        return false;
    }

    /** What was recorded after {@code before} was taken (bucket by bucket); the quantile lines are this snapshot's. */
    public PrometheusHistogram minus(PrometheusHistogram before) {
        TreeSet<Double> all = new TreeSet<>();
        Arrays.stream(upperBounds).forEach(all::add);
        Arrays.stream(before.upperBounds).forEach(all::add);
        double[] bounds = all.stream().mapToDouble(Double::doubleValue).toArray();
        long[] counts = new long[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            counts[i] = Math.max(0, cumulative(bounds[i]) - before.cumulative(bounds[i]));
        }
        for (int i = 1; i < counts.length; i++) {
            counts[i] = Math.max(counts[i], counts[i - 1]); // stays cumulative even across a bound only one side has
        }
        return new PrometheusHistogram(bounds, counts, sum - before.sum, Math.max(0, count - before.count), quantiles);
    }

    /** The cumulative count at an upper bound: that of the largest bound at or below it (0 below the first). */
    long cumulative(double upper) {
        int i = Arrays.binarySearch(upperBounds, upper);
        if (i >= 0) {
            return cumulative[i];
        }
        int below = -i - 2;
        return below < 0 ? 0 : cumulative[below];
    }

    /** Events in the histogram (the +Inf bucket). */
    public long total() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    public double sum() {
        return sum;
    }

    public long count() {
        return count;
    }

    /** Mean from {@code _sum / _count}; NaN when empty. */
    public double mean() {
        return count > 0 ? sum / count : Double.NaN;
    }

    /** The {@code quantile} lines, e.g. 0.99 → seconds (the publishing process's own recent window). */
    public Map<Double, Double> quantiles() {
        return quantiles;
    }

    /**
     * The q-quantile (0..1) the way Prometheus' {@code histogram_quantile} estimates it: find the
     * bucket holding rank q × total and interpolate linearly inside it (from 0 for the first
     * bucket); in the +Inf bucket the answer is the largest finite bound. NaN when empty.
     */
    public double quantile(double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, not " + q);
        }
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        int b = 0;
        while (b < cumulative.length - 1 && cumulative[b] < rank) {
            b++;
        }
        if (b == 0 && rank == 0) {
            // q = 0: the lowest value lies in the first non-empty bucket; its lower edge is the best estimate
            while (b < cumulative.length - 1 && cumulative[b] == 0) {
                b++;
            }
            return b == 0 ? 0 : upperBounds[b - 1];
        }
        if (upperBounds[b] == Double.POSITIVE_INFINITY) {
            return b == 0 ? Double.NaN : upperBounds[b - 1];
        }
        double lower = b == 0 ? 0 : upperBounds[b - 1];
        long below = b == 0 ? 0 : cumulative[b - 1];
        long inBucket = cumulative[b] - below;
        if (b == 0 && upperBounds[0] <= 0) {
            return upperBounds[0];
        }
        return inBucket == 0 ? upperBounds[b] : lower + (upperBounds[b] - lower) * ((rank - below) / inBucket);
    }

    /** The non-cumulative buckets from the first to the last non-empty one (empty list when nothing was recorded). */
    public List<Bucket> nonEmptySpan() {
        List<Bucket> all = new ArrayList<>();
        for (int i = 0; i < upperBounds.length; i++) {
            long n = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            all.add(new Bucket(i == 0 ? 0 : upperBounds[i - 1], upperBounds[i], n));
        }
        int first = 0;
        while (first < all.size() && all.get(first).count() == 0) {
            first++;
        }
        int last = all.size() - 1;
        while (last >= first && all.get(last).count() == 0) {
            last--;
        }
        return first > last ? List.of() : List.copyOf(all.subList(first, last + 1));
    }

    double[] upperBounds() {
        return upperBounds.clone();
    }

    // --- the text format ---

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One sample line: {@code name{a="b",…} value [timestamp]} with an optional OpenMetrics exemplar; null if unreadable. */
    static Sample sample(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        if (name.isEmpty()) {
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < n && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
            if (i < 0) {
                return null;
            }
        }
        String rest = line.substring(i).strip();
        int exemplar = rest.indexOf('#');
        if (exemplar >= 0) {
            rest = rest.substring(0, exemplar).strip();
        }
        String[] parts = rest.split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return null;
        }
        try {
            return new Sample(name, labels, number(parts[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads {@code a="b",c="d"}} from {@code start}; returns the index after the closing brace, or -1. */
    private static int labels(String line, int start, Map<String, String> into) {
        int i = start;
        int n = line.length();
        while (i < n) {
            while (i < n && (line.charAt(i) == ',' || Character.isWhitespace(line.charAt(i)))) {
                i++;
            }
            if (i < n && line.charAt(i) == '}') {
                return i + 1;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0 || eq + 1 >= n || line.charAt(eq + 1) != '"') {
                return -1;
            }
            String key = line.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < n; j++) {
                char c = line.charAt(j);
                if (c == '\\' && j + 1 < n) {
                    char e = line.charAt(++j);
                    value.append(e == 'n' ? '\n' : e);
                } else if (c == '"') {
                    break;
                } else {
                    value.append(c);
                }
            }
            if (j >= n) {
                return -1;
            }
            into.put(key, value.toString());
            i = j + 1;
        }
        return -1;
    }

    private static double bound(String text) {
        return number(text.strip());
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf", "+inf", "inf" -> Double.POSITIVE_INFINITY;
            case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
            case "NaN", "nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
