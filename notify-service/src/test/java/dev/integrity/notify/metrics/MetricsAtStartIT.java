package dev.integrity.notify.metrics;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.model.NotificationKind;
import dev.integrity.observability.MetricsAtStart;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A freshly started notify-service lists every counter, with every value of its labels, at 0, and the
 * lag of each consumer group. A profile of its own makes Quarkus start the service anew for this test.
 */
@QuarkusTest
@TestProfile(MetricsAtStart.FreshStart.class)
class MetricsAtStartIT {

    @Test
    void everyCounterIsListedAtZeroWithItsLabels() {
        MetricsAtStart metrics = MetricsAtStart.read("notify_");
        List<String> kinds = Stream.of(NotificationKind.values()).map(Enum::name).toList();
        for (String counter : List.of("notify_messages_created_total", "notify_messages_suppressed_total", "notify_messages_resolved_total",
                "notify_messages_rescinded_total")) {
            metrics.labelled(counter, "kind", kinds);
        }
        metrics.labelled("notify_remediation_steps_total", "step", List.of("PASSWORD_CHANGED", "APP_REVOKED"))
                .labelled("notify_dead_letters_total", "topic", List.of("enforcement.applied", "appeal.decisions.test", "account-events.test"))
                .counters("notify_outcomes_duplicates_total", "notify_cap_unavailable_total", "notify_live_publish_failed_total")
                .consumerLag("notify-enforcement-test", "notify-appeals-test", "notify-resolution-test");
    }
}
