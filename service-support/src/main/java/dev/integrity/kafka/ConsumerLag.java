package dev.integrity.kafka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * How far a consumer group is behind, as this process sees it: the sum of {@code records-lag} over
 * the partitions its consumers of the group are assigned (the clients' own metric, read from memory
 * at scrape time, no broker call). Exposed as {@code integrity_consumer_lag_records{group}}; across
 * replicas, {@code sum by (group)} is the group's lag (each partition is assigned to one of them).
 */
public final class ConsumerLag {

    public static final String METER = "integrity.consumer.lag";

    private ConsumerLag() {
    }

    /** A gauge per consumer group of the service's incoming Kafka channels (several channels may share a group). */
    public static void register(MeterRegistry registry, Config config, KafkaClientService clients) {
        Map<String, List<String>> channelsByGroup = new TreeMap<>();
        for (IncomingChannels.Channel channel : IncomingChannels.of(config)) {
            channelsByGroup.computeIfAbsent(channel.group(), g -> new ArrayList<>()).addAll(channel.consumerNames());
        }
        channelsByGroup.forEach((group, channels) -> register(registry, group, () -> {
            double lag = 0;
            Set<Object> counted = Collections.newSetFromMap(new IdentityHashMap<>());
            for (String channel : channels) {
                for (KafkaConsumer<Object, Object> consumer : clients.getConsumers(channel)) {
                    if (counted.add(consumer.unwrap())) {
                        lag += records(consumer.unwrap().metrics(), client -> true);
                    }
                }
            }
            return lag;
        }));
    }

    /** A gauge for one group whose lag some other client computes (a Kafka Streams application). */
    public static void register(MeterRegistry registry, String group, Supplier<Number> lag) {
        Gauge.builder(METER, lag).description("Records the group's consumers in this process are behind the end of their partitions")
                .baseUnit("records").tag("group", group).strongReference(true).register(registry);
    }

    /**
     * The summed {@code records-lag} of every partition in these client metrics whose client id the filter
     * keeps (a Kafka Streams application also reports its restore consumer's, which is no group member).
     */
    public static double records(Map<MetricName, ? extends Metric> metrics, Predicate<String> clientId) {
        double lag = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (!name.name().equals("records-lag") || !name.group().equals("consumer-fetch-manager-metrics")
                    || !name.tags().containsKey("partition") || !clientId.test(name.tags().getOrDefault("client-id", ""))) {
                continue;
            }
            if (entry.getValue().metricValue() instanceof Number value && !Double.isNaN(value.doubleValue())) {
                lag += Math.max(0, value.doubleValue());
            }
        }
        return lag;
    }

    /** Whether a Kafka Streams client id is a stream thread's main consumer (a member of the application's group). */
    public static boolean streamsMainConsumer(String clientId) {
        return clientId.endsWith("-consumer") && !clientId.endsWith("-restore-consumer");
    }
}
