package dev.integrity.scoring.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.observability.MetricsAtStart;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A freshly started scoring-service lists every counter, with every value of its labels, at 0, so an
 * alert on a rate fires on the first guard trip, dead letter or appeal; and its gauges. A profile of
 * its own makes Quarkus start the service anew for this test, whatever ran before.
 */
@QuarkusTest
@TestProfile(MetricsAtStart.FreshStart.class)
class MetricsAtStartIT {

    @Test
    void everyCounterIsListedAtZeroWithItsLabelsAndTheGaugesAreThere() {
        List<String> decisions = List.of("APPROVE", "REJECT");
        MetricsAtStart.read("scoring_")
                .labelled("scoring_guard_decisions_total", "cause",
                        List.of("applied", "breaker-open", "receivers", "follower-loss", "breaker-tripped"))
                .labelled("scoring_enforcements_total", "status", List.of("PROPOSED", "HELD", "APPLIED", "REJECTED", "REVERTED"))
                .labelled("scoring_enforcements_proposed_total", "action", List.of("REMOVE_AND_WARN", "BLOCK"))
                .labelled("scoring_cases_decisions_total", "decision", decisions)
                .labelled("scoring_cases_decided_enforcements_total", "decision", decisions)
                .labelled("scoring_appeals_decided_total", "status", List.of("GRANTED", "DENIED"))
                .labelled("scoring_dead_letters_total", "topic", List.of("account-events.test", "scoring.features.test", "enforcement.impact",
                        "enforcement.applied"))
                .counters("scoring_appeals_filed_total", "scoring_guard_reservation_conflicts_total", "scoring_events_scored_total",
                        "scoring_features_recorded_total", "scoring_features_repeated_total")
                .labelled("scoring_enforcements_outcomes_total", "status", List.of("APPLIED"))
                .gauges("scoring_enforcements_held", "scoring_cases_open", "scoring_guard_open")
                .consumerLag("scoring-test", "scoring-impact-test", "scoring-outcomes-test", "scoring-features-test");
    }
}
