package dev.integrity.gateway.client;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each downstream breaker's state is a gauge from the start, {@code gateway_downstream_breaker_state}
 * with its {@code downstream}: 0 closed, 1 open, 2 half-open (the downstream services are unreachable in
 * tests, so earlier tests may have opened a breaker: any of the three values is a state).
 */
@QuarkusTest
class BreakerMetricsIT {

    @Test
    void everyDownstreamBreakerHasItsStateGauge() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String downstream : List.of("ingest", "scoring", "notify")) {
            Matcher gauge = Pattern.compile("^gateway_downstream_breaker_state\\{[^}]*downstream=\"" + downstream + "\"[^}]*} (\\S+)$",
                    Pattern.MULTILINE).matcher(text);
            assertTrue(gauge.find(), "no breaker gauge for " + downstream);
            double value = Double.parseDouble(gauge.group(1));
            assertTrue(value == 0 || value == 1 || value == 2, downstream + ": " + value);
        }
    }
}
