package dev.integrity.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** The lag is the summed records-lag of the group's partitions, the restore consumer of a Kafka Streams application left out. */
class ConsumerLagTest {

    private static void lag(Metrics metrics, String client, String topic, int partition, double value) {
        MetricName name = metrics.metricName("records-lag", "consumer-fetch-manager-metrics",
                Map.of("client-id", client, "topic", topic, "partition", String.valueOf(partition)));
        metrics.addMetric(name, (config, now) -> value);
    }

    @Test
    void sumsThePartitionsLagOfTheKeptClients() {
        try (Metrics metrics = new Metrics()) {
            lag(metrics, "app-1-StreamThread-1-consumer", "account-events", 0, 40);
            lag(metrics, "app-1-StreamThread-1-consumer", "account-events", 1, 2);
            lag(metrics, "app-1-StreamThread-1-restore-consumer", "app-scoring-features-changelog", 0, 1000);
            lag(metrics, "app-1-StreamThread-1-consumer", "account-events", 2, Double.NaN);
            metrics.addMetric(metrics.metricName("records-lag-max", "consumer-fetch-manager-metrics", Map.of("client-id", "x")), (c, n) -> 99.0);
            assertEquals(42, ConsumerLag.records(metrics.metrics(), ConsumerLag::streamsMainConsumer));
            assertEquals(1042, ConsumerLag.records(metrics.metrics(), client -> true));
        }
    }

    @Test
    void knowsAStreamThreadsMainConsumer() {
        assertTrue(ConsumerLag.streamsMainConsumer("scoring-features-3f2a-StreamThread-1-consumer"));
        assertFalse(ConsumerLag.streamsMainConsumer("scoring-features-3f2a-StreamThread-1-restore-consumer"));
        assertFalse(ConsumerLag.streamsMainConsumer("scoring-features-3f2a-StreamThread-1-producer"));
    }
}
