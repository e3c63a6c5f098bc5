package dev.integrity.ingest.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.integrity.observability.MetricsText;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A freshly started ingest-service lists every counter, with every value of its labels, at 0 (an alert
 * on a rate sees the first event), and the lag of each consumer group. A profile of its own makes
 * Quarkus start the service anew for this test, whatever ran before.
 */
@QuarkusTest
@TestProfile(MetricsAtStartIT.Fresh.class)
class MetricsAtStartIT {

    public static class Fresh implements QuarkusTestProfile {
    }

    @Test
    void everyCounterIsListedAtZeroWithItsLabels() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counters = MetricsText.counters(text, "ingest_");
        counters.forEach((series, value) -> assertEquals(0.0, value, series + " is not 0 at start"));

        for (String outcome : List.of("accepted", "duplicate", "rejected")) {
            assertTrue(MetricsText.has(counters, "ingest_events_total", "outcome=\"" + outcome + "\""), outcome);
        }
        for (String kind : List.of("IMPACT", "APPLY", "REVERT")) {
            assertTrue(MetricsText.has(counters, "ingest_enforcement_commands_total", "kind=\"" + kind + "\""), kind);
        }
        for (String topic : List.of("account-events.test", "enforcement.proposed", "enforcement.decided")) {
            assertTrue(MetricsText.has(counters, "ingest_dead_letters_total", "topic=\"" + topic + "\""), topic);
        }
        for (String counter : List.of("ingest_events_published_total", "ingest_events_publish_failed_total", "ingest_ledger_events_total",
                "ingest_enforcements_late_outcomes_total", "ingest_actions_relayed_total")) {
            assertTrue(counters.containsKey(counter), counter);
        }
        Map<String, Double> series = MetricsText.series(text);
        for (String group : List.of("ingest-ledger-test", "ingest-enforcement-test")) {
            assertTrue(MetricsText.has(series, "integrity_consumer_lag_records", "group=\"" + group + "\""), group);
        }
    }
}
