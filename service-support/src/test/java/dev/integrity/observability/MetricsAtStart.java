package dev.integrity.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The check every service's MetricsAtStartIT makes of its freshly started {@code /q/metrics}: every
 * counter of the service's family is listed at 0 (an alert on a rate sees the first increment), with
 * the labels, counters, gauges and consumer groups the service's test names.
 */
public final class MetricsAtStart {

    /**
     * The test profile of a metrics-at-start test: a profile of its own makes Quarkus start the service
     * anew for it, whatever ran before, so its counters are those of a fresh start.
     */
    public static final class FreshStart implements QuarkusTestProfile {
    }

    private final Map<String, Double> series;
    private final Map<String, Double> counters;

    private MetricsAtStart(String text, String prefix) {
        this.series = MetricsText.series(text);
        this.counters = MetricsText.counters(text, prefix);
    }

    /** Reads the service's {@code /q/metrics} and checks that each counter named {@code <prefix>…_total} is 0. */
    public static MetricsAtStart read(String prefix) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        MetricsAtStart metrics = new MetricsAtStart(text, prefix);
        metrics.counters.forEach((series, value) -> assertEquals(0.0, value, series + " is not 0 at start"));
        return metrics;
    }

    /** The counter is listed once for each of these values of its label. */
    public MetricsAtStart labelled(String counter, String label, Iterable<String> values) {
        for (String value : values) {
            assertTrue(MetricsText.has(counters, counter, label + "=\"" + value + "\""), counter + " " + label + "=" + value + " is not listed");
        }
        return this;
    }

    /** Counters without labels. */
    public MetricsAtStart counters(String... names) {
        for (String name : names) {
            assertTrue(counters.containsKey(name), name + " is not listed");
        }
        return this;
    }

    /** Gauges of the service, by name. */
    public MetricsAtStart gauges(String... names) {
        for (String name : names) {
            assertTrue(series.containsKey(name), name + " is missing");
        }
        return this;
    }

    /** The lag gauge of each of the service's consumer groups. */
    public MetricsAtStart consumerLag(String... groups) {
        for (String group : groups) {
            assertTrue(MetricsText.has(series, "integrity_consumer_lag_records", "group=\"" + group + "\""), group + " has no lag gauge");
        }
        return this;
    }
}
