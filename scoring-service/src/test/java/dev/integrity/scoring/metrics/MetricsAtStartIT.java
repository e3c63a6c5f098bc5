package dev.integrity.scoring.metrics;

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
 * A freshly started scoring-service lists every counter, with every value of its labels, at 0, so an
 * alert on a rate fires on the first guard trip, dead letter or appeal; and its gauges. A profile of
 * its own makes Quarkus start the service anew for this test, whatever ran before.
 */
@QuarkusTest
@TestProfile(MetricsAtStartIT.Fresh.class)
class MetricsAtStartIT {

    public static class Fresh implements QuarkusTestProfile {
    }

    @Test
    void everyCounterIsListedAtZeroWithItsLabelsAndTheGaugesAreThere() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counters = MetricsText.counters(text, "scoring_");
        counters.forEach((series, value) -> assertEquals(0.0, value, series + " is not 0 at start"));

        for (String cause : List.of("applied", "breaker-open", "receivers", "follower-loss", "breaker-tripped")) {
            assertTrue(MetricsText.has(counters, "scoring_guard_decisions_total", "cause=\"" + cause + "\""), cause);
        }
        for (String status : List.of("PROPOSED", "HELD", "APPLIED", "REJECTED", "REVERTED")) {
            assertTrue(MetricsText.has(counters, "scoring_enforcements_total", "status=\"" + status + "\""), status);
        }
        for (String action : List.of("REMOVE_AND_WARN", "BLOCK")) {
            assertTrue(MetricsText.has(counters, "scoring_enforcements_proposed_total", "action=\"" + action + "\""), action);
        }
        for (String decision : List.of("APPROVE", "REJECT")) {
            assertTrue(MetricsText.has(counters, "scoring_cases_decisions_total", "decision=\"" + decision + "\""), decision);
            assertTrue(MetricsText.has(counters, "scoring_cases_decided_enforcements_total", "decision=\"" + decision + "\""), decision);
        }
        for (String status : List.of("GRANTED", "DENIED")) {
            assertTrue(MetricsText.has(counters, "scoring_appeals_decided_total", "status=\"" + status + "\""), status);
        }
        for (String topic : List.of("account-events.test", "scoring.features.test", "enforcement.impact", "enforcement.applied")) {
            assertTrue(MetricsText.has(counters, "scoring_dead_letters_total", "topic=\"" + topic + "\""), topic);
        }
        for (String counter : List.of("scoring_appeals_filed_total", "scoring_guard_reservation_conflicts_total", "scoring_events_scored_total",
                "scoring_features_recorded_total", "scoring_features_repeated_total")) {
            assertTrue(counters.containsKey(counter), counter);
        }
        assertTrue(MetricsText.has(counters, "scoring_enforcements_outcomes_total", "status=\"APPLIED\""));

        Map<String, Double> series = MetricsText.series(text);
        for (String gauge : List.of("scoring_enforcements_held", "scoring_cases_open", "scoring_guard_open")) {
            assertTrue(series.containsKey(gauge), gauge + " is missing");
        }
        for (String group : List.of("scoring-test", "scoring-impact-test", "scoring-outcomes-test", "scoring-features-test")) {
            assertTrue(MetricsText.has(series, "integrity_consumer_lag_records", "group=\"" + group + "\""), group);
        }
    }
}
