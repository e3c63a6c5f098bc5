package dev.integrity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;

/** Sample events shared by the tests: one valid event per type, and ways to edit them. */
final class Samples {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String OCCURRED_AT = "2026-11-22T10:15:30Z";

    private Samples() {
    }

    /** A valid event of the type with only the fields that type requires. */
    static ObjectNode minimal(EventType type) {
        ObjectNode event = object()
                .put("eventId", "e-" + type.name().toLowerCase())
                .put("type", type.name())
                .put("accountId", "acc-42")
                .put("occurredAt", OCCURRED_AT);
        if (type.requiresTarget()) {
            event.put("targetAccountId", "acc-7");
        }
        if (type.requiresMedia()) {
            event.put("mediaId", "m-1");
        }
        if (type.requiresText()) {
            event.put("text", "Nice shot!");
        }
        if (type.requiresAppId()) {
            event.put("appId", "followboost");
        }
        if (type.requiresProfile()) {
            event.set("profile", profile());
        }
        return event;
    }

    /** A valid event of the type with every optional field of the contract set. */
    static ObjectNode full(EventType type) {
        ObjectNode event = minimal(type)
                .put("clientAppId", "followboost")
                .put("ip", "203.0.113.9")
                .put("deviceId", "d-9");
        if (type.requiresProfile()) {
            ((ObjectNode) event.get("profile"))
                    .put("externalUrl", "https://example.com/me")
                    .put("createdAt", "2019-03-01T08:00:00.5+01:00");
        }
        return event;
    }

    static ObjectNode profile() {
        return object()
                .put("username", "jane.doe")
                .put("fullName", "Jane Doe")
                .put("biography", "Photos of cats.")
                .putNull("externalUrl")
                .put("hasProfilePicture", true)
                .put("isPrivate", false)
                .put("mediaCount", 12)
                .put("followerCount", 340)
                .put("followingCount", 180);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A copy of the event with {@code path} (dot-separated, e.g. {@code profile.mediaCount}) set to {@code value}. */
    static ObjectNode with(ObjectNode event, String path, Object value) {
        return edit(event, path, (parent, name) -> parent.set(name, toNode(value)));
    }

    /** A copy of the event without {@code path}. */
    static ObjectNode without(ObjectNode event, String path) {
        return edit(event, path, ObjectNode::remove);
    }

    private static ObjectNode edit(ObjectNode event, String path, BiConsumer<ObjectNode, String> change) {
        ObjectNode copy = event.deepCopy();
        String[] names = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < names.length - 1; i++) {
            parent = (ObjectNode) parent.get(names[i]);
        }
        change.accept(parent, names[names.length - 1]);
        return copy;
    }

    static JsonNode toNode(Object value) {
        return value == null ? JsonNodeFactory.instance.nullNode() : EventJson.mapper().valueToTree(value);
    }

}
