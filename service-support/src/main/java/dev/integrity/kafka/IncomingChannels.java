package dev.integrity.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.Config;

/** A service's incoming Kafka channels as its configuration declares them ({@code mp.messaging.incoming.<channel>.*}). */
public final class IncomingChannels {

    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String KAFKA = "smallrye-kafka";

    /**
     * One channel: its name, consumer group, the topics it reads and its concurrency (the connector then
     * runs copies named {@code <name>$1} to {@code <name>$<concurrency>}).
     */
    public record Channel(String name, String group, List<String> topics, int concurrency) {

        /** The names the connector may know the channel's consumers by. */
        public List<String> consumerNames() {
            List<String> names = new ArrayList<>();
            names.add(name);
            for (int i = 1; i <= concurrency; i++) {
                names.add(name + "$" + i);
            }
            return names;
        }
    }

    private IncomingChannels() {
    }

    /**
     * Every incoming channel of the smallrye-kafka connector, by name: each channel some
     * {@code mp.messaging.incoming.<channel>.<attribute>} setting names (the services' channel names
     * hold no dot). Its connector is usually not configured: Quarkus attaches a channel to the one
     * connector present, so only a channel that names another connector is left out.
     */
    public static List<Channel> of(Config config) {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            int end = property.indexOf('.', PREFIX.length());
            if (property.startsWith(PREFIX) && end > PREFIX.length()) {
                names.add(property.substring(PREFIX.length(), end));
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            String connector = config.getOptionalValue(PREFIX + name + ".connector", String.class).orElse(KAFKA);
            if (!connector.equals(KAFKA)) {
                continue;
            }
            String group = config.getOptionalValue(PREFIX + name + ".group.id", String.class).orElse(name);
            String topics = config.getOptionalValue(PREFIX + name + ".topics", String.class)
                    .or(() -> config.getOptionalValue(PREFIX + name + ".topic", String.class)).orElse(name);
            int concurrency = config.getOptionalValue(PREFIX + name + ".concurrency", Integer.class).orElse(1);
            channels.add(new Channel(name, group, Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList(),
                    concurrency));
        }
        return channels;
    }

    /** Every topic the channels read (the topics a consumer's dead letters can come from). */
    public static Set<String> topics(Config config) {
        Set<String> topics = new TreeSet<>();
        of(config).forEach(c -> topics.addAll(c.topics()));
        return topics;
    }
}
