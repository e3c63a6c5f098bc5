package dev.integrity.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The eventIds taken, against the real Redis: an id claimed but never confirmed published (its request
 * died before Kafka had the event) is claimed again by the next request; a published one is a duplicate;
 * a released one is free again.
 */
@QuarkusTest
class SeenEventIdsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SeenEventIds seen;

    @Test
    void onlyAPublishedIdIsADuplicate() {
        String p = "seen-" + UUID.randomUUID() + "-";
        List<String> ids = List.of(p + "a", p + "b", p + "c");
        assertEquals(Set.copyOf(ids), seen.claim(ids).await().atMost(WAIT), "never seen: all claimed");
        assertEquals(Set.copyOf(ids), seen.claim(ids).await().atMost(WAIT), "in flight, never confirmed: claimed again");
        seen.confirm(List.of(p + "a")).await().atMost(WAIT);
        seen.release(List.of(p + "c")).await().atMost(WAIT);
        assertEquals(Set.of(p + "b", p + "c"), seen.claim(ids).await().atMost(WAIT), "the published one is a duplicate");
        seen.confirm(ids).await().atMost(WAIT);
        assertEquals(Set.of(), seen.claim(ids).await().atMost(WAIT), "all published: all duplicates");
    }
}
