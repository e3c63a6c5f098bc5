package dev.integrity.contract;

import static dev.integrity.contract.Samples.CLOCK;
import static dev.integrity.contract.Samples.full;
import static dev.integrity.contract.Samples.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    private final EventValidator validator = new EventValidator(CLOCK);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.integrity.contract.ValidCases#all")
    void roundTrips(ValidCases.Case valid) throws Exception {
        AccountEvent event = validator.validate(valid.event()).event();

        byte[] bytes = EventJson.toBytes(event);

        assertEquals(event, EventJson.fromBytes(bytes));
        assertEquals(event, validator.validate(EventJson.mapper().readTree(bytes)).event(), "written JSON is valid input");
        assertEquals(EventJson.mapper().readTree(bytes), EventJson.mapper().readTree(EventJson.toJson(event)));
    }

    @Test
    void writesTheContractFieldNamesAndOmitsNulls() throws Exception {
        AccountEvent event = validator.validate(minimal(EventType.PROFILE_SNAPSHOT)).event();

        JsonNode json = EventJson.mapper().readTree(EventJson.toJson(event));

        assertEquals(List.of("eventId", "type", "accountId", "occurredAt", "profile"), fieldNames(json));
        assertEquals("2026-11-22T10:15:30Z", json.get("occurredAt").textValue());
        assertEquals(List.of("username", "fullName", "biography", "hasProfilePicture", "isPrivate",
                "mediaCount", "followerCount", "followingCount"), fieldNames(json.get("profile")));
        assertEquals(true, json.get("profile").get("hasProfilePicture").booleanValue());
        assertEquals(false, json.get("profile").get("isPrivate").booleanValue());
    }

    @Test
    void writesTheSameJsonAnIntegratorWould() throws Exception {
        AccountEvent event = validator.validate(full(EventType.FOLLOW)).event();

        assertEquals(full(EventType.FOLLOW), EventJson.mapper().readTree(EventJson.toBytes(event)));
    }

    @Test
    void writesTextAsPlainUtf8() {
        AccountEvent event = validator.validate(Samples.with(minimal(EventType.COMMENT), "text", "Très bien 😀")).event();

        String written = new String(EventJson.toBytes(event), StandardCharsets.UTF_8);

        assertEquals(EventJson.toJson(event), written);
        assertTrue(written.contains("\"text\":\"Très bien 😀\""), written);
    }

    @Test
    void readsIgnoringUnknownFields() {
        String json = """
                {"eventId":"e-1","type":"LOGIN","accountId":"acc-1","occurredAt":"2026-11-22T10:15:30Z","later":"v2"}""";

        AccountEvent event = EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8));

        assertEquals("e-1", event.eventId());
        assertEquals(EventType.LOGIN, event.type());
    }

    @Test
    void refusesBytesThatAreNotAnEvent() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.fromBytes("not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sharesOneMapper() {
        assertEquals(EventJson.mapper(), EventJson.mapper());
        assertFalse(EventJson.toJson(validator.validate(minimal(EventType.LOGIN)).event()).contains("null"));
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyStream().map(java.util.Map.Entry::getKey).toList();
    }
}
