package dev.integrity.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MetricsTextTest {

    private static final String TEXT = """
            # HELP scoring_guard_decisions_total The guard's decisions, by cause
            # TYPE scoring_guard_decisions_total counter
            scoring_guard_decisions_total{cause="applied"} 0.0
            scoring_guard_decisions_total{cause="breaker-open"} 2.0
            scoring_appeals_filed_total 0.0
            scoring_cases_open 3.0
            jvm_threads_live_threads 40.0
            """;

    @Test
    void readsTheCountersOfAFamily() {
        Map<String, Double> counters = MetricsText.counters(TEXT, "scoring_");
        assertEquals(3, counters.size());
        assertEquals(2.0, counters.get("scoring_guard_decisions_total{cause=\"breaker-open\"}"));
        assertEquals(0.0, counters.get("scoring_appeals_filed_total"));
        assertTrue(MetricsText.has(counters, "scoring_guard_decisions_total", "cause=\"applied\""));
        assertEquals(3.0, MetricsText.series(TEXT).get("scoring_cases_open"));
    }
}
