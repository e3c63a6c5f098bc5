package dev.integrity.notify.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.model.NotificationKind;
import dev.integrity.observability.MetricsText;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A freshly started notify-service lists every counter, with every value of its labels, at 0, and the
 * lag of each consumer group. A profile of its own makes Quarkus start the service anew for this test.
 */
@QuarkusTest
@TestProfile(MetricsAtStartIT.Fresh.class)
class MetricsAtStartIT {

    public static class Fresh implements QuarkusTestProfile {
    }

    @Test
    void everyCounterIsListedAtZeroWithItsLabels() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counters = MetricsText.counters(text, "notify_");
        counters.forEach((series, value) -> assertEquals(0.0, value, series + " is not 0 at start"));

        for (String counter : List.of("notify_messages_created_total", "notify_messages_suppressed_total", "notify_messages_resolved_total",
                "notify_messages_rescinded_total")) {
            for (NotificationKind kind : NotificationKind.values()) {
                assertTrue(MetricsText.has(counters, counter, "kind=\"" + kind.name() + "\""), counter + " " + kind);
            }
        }
        for (String step : List.of("PASSWORD_CHANGED", "APP_REVOKED")) {
            assertTrue(MetricsText.has(counters, "notify_remediation_steps_total", "step=\"" + step + "\""), step);
        }
        for (String topic : List.of("enforcement.applied", "appeal.decisions.test", "account-events.test")) {
            assertTrue(MetricsText.has(counters, "notify_dead_letters_total", "topic=\"" + topic + "\""), topic);
        }
        for (String counter : List.of("notify_outcomes_duplicates_total", "notify_cap_unavailable_total", "notify_live_publish_failed_total")) {
            assertTrue(counters.containsKey(counter), counter);
        }
        Map<String, Double> series = MetricsText.series(text);
        for (String group : List.of("notify-enforcement-test", "notify-appeals-test", "notify-resolution-test")) {
            assertTrue(MetricsText.has(series, "integrity_consumer_lag_records", "group=\"" + group + "\""), group);
        }
    }
}
