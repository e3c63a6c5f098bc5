package dev.integrity.ingest.repository;

/** Every Redis key ingest reads or writes. The names are stored data: a change would orphan what Redis holds. */
final class RedisKeys {

    private RedisKeys() {
    }

    /** An eventId taken: "pending" while its event is in flight, "1" once Kafka has it. */
    static String seenEvent(String eventId) {
        return "ingest:seen:" + eventId;
    }
}
