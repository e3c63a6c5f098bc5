package dev.integrity.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The series of a Prometheus text exposition ({@code /q/metrics}): each series (name and labels, as printed) with its value. */
public final class MetricsText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?)\\s+(\\S+)(?:\\s+\\d+)?$");

    private MetricsText() {
    }

    public static Map<String, Double> series(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.trim());
            if (m.matches()) {
                series.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return series;
    }

    /** The counters (series named {@code <prefix>…_total}) of a family prefix, e.g. {@code scoring_}. */
    public static Map<String, Double> counters(String text, String prefix) {
        Map<String, Double> counters = new LinkedHashMap<>();
        series(text).forEach((name, value) -> {
            String metric = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
            if (metric.startsWith(prefix) && metric.endsWith("_total")) {
                counters.put(name, value);
            }
        });
        return counters;
    }

    /** Whether a series of this metric has this label (e.g. {@code topic="account-events"}). */
    public static boolean has(Map<String, Double> series, String metric, String label) {
        return series.keySet().stream().anyMatch(s -> s.startsWith(metric + "{") && s.contains(label));
    }
}
