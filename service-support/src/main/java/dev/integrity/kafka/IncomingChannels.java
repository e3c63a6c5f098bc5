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

    /** Every incoming channel of the smallrye-kafka connector, by name. */
    public static List<Channel> of(Config config) {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(PREFIX) && property.endsWith(".connector")) {
                names.add(property.substring(PREFIX.length(), property.length() - ".connector".length()));
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            String connector = config.getOptionalValue(PREFIX + name + ".connector", String.class).orElse("");
            if (!connector.equals("smallrye-kafka")) {
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
