package dev.integrity.scoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventType;
import dev.integrity.contract.Profile;

/** Builds account events and writes them straight to account-events, as ingest would. */
final class Events {

    /** The test profile's account-events topic (its own, apart from a running suite's). */
    static final String TOPIC = ConfigProvider.getConfig().getValue("scoring.topics.events", String.class);

    private final List<AccountEvent> events = new ArrayList<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private int seq;

    private String id() {
        return "sc-" + runId + "-" + seq++;
    }

    Events follow(String actor, String target, String app, Instant at) {
        events.add(new AccountEvent(id(), EventType.FOLLOW, actor, at, app, "198.51.100.7", "d-" + actor, target, null, null, null, null));
        return this;
    }

    Events like(String actor, String owner, String media, String app, Instant at) {
        events.add(new AccountEvent(id(), EventType.LIKE, actor, at, app, null, "d-" + actor, owner, media, null, null, null));
        return this;
    }

    Events post(String actor, String media, String app, Instant at) {
        events.add(new AccountEvent(id(), EventType.MEDIA_POSTED, actor, at, app, null, null, null, media, null, null, null));
        return this;
    }

    Events authorize(String actor, String appId, Instant at) {
        events.add(new AccountEvent(id(), EventType.APP_AUTHORIZED, actor, at, null, null, null, null, null, null, appId, null));
        return this;
    }

    Events profile(String actor, Profile profile, Instant at) {
        events.add(new AccountEvent(id(), EventType.PROFILE_SNAPSHOT, actor, at, null, null, null, null, null, null, null, profile));
        return this;
    }

    /**
     * A bot (its profile three hours before {@code now}) following 320 accounts through the app followboost, one every 20 s
     * from two hours before: enough for a proposal.
     */
    static Events appBot(String bot, String targetPrefix, Instant now) {
        Events events = new Events().profile(bot, botProfile(bot), now.minus(Duration.ofHours(3)));
        for (int i = 0; i < 320; i++) {
            events.follow(bot, targetPrefix + i, "followboost", now.minus(Duration.ofHours(2)).plusSeconds(20L * i));
        }
        return events;
    }

    List<AccountEvent> all() {
        return List.copyOf(events);
    }

    static void send(List<AccountEvent> events) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            for (AccountEvent event : events) {
                producer.send(new ProducerRecord<>(TOPIC, event.accountId(), EventJson.toJson(event)));
            }
            producer.flush();
        }
    }

    /**
     * An account id (prefix + n) whose events land on the same partition of account-events as the
     * given account's: once scoring decided on it, every earlier event of that account was processed.
     */
    static String samePartitionAs(String account, String prefix) {
        int partitions = 12;
        int wanted = partitionOf(account, partitions);
        for (int n = 0;; n++) {
            if (partitionOf(prefix + n, partitions) == wanted) {
                return prefix + n;
            }
        }
    }

    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static Profile botProfile(String username) {
        return new Profile(username + "83920174", "", "", null, false, false, 0, 3, 1900, null);
    }

    static Profile genuineProfile(String username) {
        return new Profile(username, "Maria Keller", "Photographer in Leipzig. Coffee, trains, light.", "https://example.org",
                true, false, 412, 1830, 390, Instant.parse("2019-04-01T10:00:00Z"));
    }
}
