package dev.integrity.ingest.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.observability.MetricsAtStart;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A freshly started ingest-service lists every counter, with every value of its labels, at 0 (an alert
 * on a rate sees the first event), and the lag of each consumer group. A profile of its own makes
 * Quarkus start the service anew for this test, whatever ran before.
 */
@QuarkusTest
@TestProfile(MetricsAtStart.FreshStart.class)
class MetricsAtStartIT {

    @Test
    void everyCounterIsListedAtZeroWithItsLabels() {
        MetricsAtStart.read("ingest_")
                .labelled("ingest_events_total", "outcome", List.of("accepted", "duplicate", "rejected"))
                .labelled("ingest_enforcement_commands_total", "kind", List.of("IMPACT", "APPLY", "REVERT"))
                .labelled("ingest_dead_letters_total", "topic", List.of("account-events.test", "enforcement.proposed", "enforcement.decided"))
                .counters("ingest_events_published_total", "ingest_events_publish_failed_total", "ingest_ledger_events_total",
                        "ingest_enforcements_late_outcomes_total", "ingest_actions_relayed_total")
                .consumerLag("ingest-ledger-test", "ingest-enforcement-test");
    }
}
