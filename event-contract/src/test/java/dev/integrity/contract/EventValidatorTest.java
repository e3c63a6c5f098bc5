package dev.integrity.contract;

import static dev.integrity.contract.Samples.CLOCK;
import static dev.integrity.contract.Samples.NOW;
import static dev.integrity.contract.Samples.full;
import static dev.integrity.contract.Samples.minimal;
import static dev.integrity.contract.Samples.object;
import static dev.integrity.contract.Samples.with;
import static dev.integrity.contract.Samples.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {

    private final EventValidator validator = new EventValidator(CLOCK);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.integrity.contract.InvalidCases#all")
    void rejectsEachBrokenRuleWithAMessageNamingTheField(InvalidCases.Case invalid) {
        EventValidator.Validation result = validator.validate(invalid.event());

        assertEquals(List.of(new FieldError(invalid.field(), invalid.message())), result.errors());
        assertNull(result.event());
        assertTrue(!result.isValid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.integrity.contract.ValidCases#all")
    void acceptsValidEvents(ValidCases.Case valid) {
        EventValidator.Validation result = validator.validate(valid.event());

        assertEquals(List.of(), result.errors());
        assertTrue(result.isValid());
        assertNotNull(result.event());
        assertEquals(valid.event().get("eventId").textValue(), result.eventId());
        assertEquals(result.eventId(), result.event().eventId());
    }

    @Test
    void buildsAFollowWithEveryField() {
        AccountEvent event = validator.validate(full(EventType.FOLLOW)).event();

        assertEquals(new AccountEvent("e-follow", EventType.FOLLOW, "acc-42", Instant.parse("2026-11-22T10:15:30Z"),
                "followboost", "203.0.113.9", "d-9", "acc-7", null, null, null, null), event);
    }

    @Test
    void buildsACommentAndAnAppEvent() {
        AccountEvent comment = validator.validate(minimal(EventType.COMMENT)).event();
        assertEquals(new AccountEvent("e-comment", EventType.COMMENT, "acc-42", Instant.parse("2026-11-22T10:15:30Z"),
                null, null, null, "acc-7", "m-1", "Nice shot!", null, null), comment);

        AccountEvent revoked = validator.validate(minimal(EventType.APP_REVOKED)).event();
        assertEquals("followboost", revoked.appId());
        assertNull(revoked.targetAccountId());
    }

    @Test
    void buildsAProfileSnapshot() {
        Profile profile = validator.validate(full(EventType.PROFILE_SNAPSHOT)).event().profile();

        assertEquals(new Profile("jane.doe", "Jane Doe", "Photos of cats.", "https://example.com/me", true, false,
                12, 340, 180, Instant.parse("2019-03-01T07:00:00.5Z")), profile);
    }

    @Test
    void convertsOffsetsToInstants() {
        AccountEvent event = validator.validate(with(minimal(EventType.LOGIN), "occurredAt", "2026-11-22T11:15:30.25+01:00")).event();

        assertEquals(Instant.parse("2026-11-22T10:15:30.25Z"), event.occurredAt());
    }

    @Test
    void leavesOutFieldsThatDoNotBelongToTheType() {
        ObjectNode login = full(EventType.LOGIN)
                .put("targetAccountId", "acc-7")
                .put("mediaId", "m-1")
                .put("text", "hello")
                .put("appId", "followboost");
        login.set("profile", Samples.profile());

        AccountEvent event = validator.validate(login).event();

        assertEquals(new AccountEvent("e-login", EventType.LOGIN, "acc-42", Instant.parse("2026-11-22T10:15:30Z"),
                "followboost", "203.0.113.9", "d-9", null, null, null, null, null), event);
    }

    @Test
    void collectsEveryErrorOfAnEvent() {
        ObjectNode event = object()
                .put("eventId", "e-1")
                .put("type", "LIKE")
                .put("occurredAt", "soon")
                .put("ip", "example.com")
                .put("targetAccountId", "acc 7")
                .put("mediaId", "");

        EventValidator.Validation result = validator.validate(event);

        assertEquals(List.of(
                new FieldError("accountId", "is required"),
                new FieldError("occurredAt", InvalidCases.DATE_TIME),
                new FieldError("ip", InvalidCases.IP),
                new FieldError("targetAccountId", InvalidCases.ACCOUNT_ID),
                new FieldError("mediaId", InvalidCases.ID_LENGTH)), result.errors());
        assertEquals("e-1", result.eventId());
    }

    @Test
    void collectsEveryErrorOfAProfile() {
        ObjectNode snapshot = with(with(without(full(EventType.PROFILE_SNAPSHOT), "profile.username"),
                "profile.mediaCount", 1.5), "profile.isPrivate", "no");

        List<String> fields = validator.validate(snapshot).errors().stream().map(FieldError::field).toList();

        assertEquals(List.of("profile.username", "profile.isPrivate", "profile.mediaCount"), fields);
    }

    @Test
    void reportsAllRequiredFieldsOfAnEmptyObject() {
        List<FieldError> errors = validator.validate(object()).errors();

        assertEquals(List.of("eventId", "type", "accountId", "occurredAt"), errors.stream().map(FieldError::field).toList());
        assertNull(validator.validate(object()).eventId());
    }

    @Test
    void rejectsHugeCountsWithoutExpandingThem() {
        ObjectNode snapshot = with(full(EventType.PROFILE_SNAPSHOT), "profile.mediaCount", new BigDecimal("1E+1000000000"));

        assertEquals(List.of(new FieldError("profile.mediaCount", "must be at most 9223372036854775807")),
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> validator.validate(snapshot).errors()));
    }

    @Test
    void acceptsCountsWrittenAsDecimals() {
        ObjectNode snapshot = with(full(EventType.PROFILE_SNAPSHOT), "profile.followerCount", new BigDecimal("1.2E+3"));

        assertEquals(1200, validator.validate(snapshot).event().profile().followerCount());
    }

    @Test
    void reportsTheEventIdOfAnInvalidEvent() {
        ObjectNode broken = with(minimal(EventType.FOLLOW), "targetAccountId", "acc-42");

        assertEquals("e-follow", validator.validate(broken).eventId());
        assertEquals("x".repeat(200), validator.validate(with(broken, "eventId", "x".repeat(200))).eventId());
        assertNull(validator.validate(with(broken, "eventId", 17)).eventId());
        assertNull(validator.validate(without(broken, "eventId")).eventId());
    }

    static Stream<Arguments> notObjects() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return Stream.of(
                Arguments.of(json.arrayNode().add(minimal(EventType.LOGIN))),
                Arguments.of(json.textNode("FOLLOW")),
                Arguments.of(json.numberNode(1)),
                Arguments.of(json.nullNode()),
                Arguments.of(MissingNode.getInstance()),
                Arguments.of((JsonNode) null));
    }

    @ParameterizedTest
    @MethodSource("notObjects")
    void rejectsAnythingButAnObject(JsonNode node) {
        EventValidator.Validation result = validator.validate(node);

        assertEquals(List.of(new FieldError("$", "the event must be a JSON object")), result.errors());
        assertNull(result.eventId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T12:05:00Z", "2026-11-22T13:05:00+01:00", "2026-11-22T12:04:59.999999999Z",
        "2026-11-22T12:00:00Z", "1970-01-01T00:00:00Z"})
    void acceptsTimesUpToFiveMinutesAhead(String occurredAt) {
        assertTrue(validator.validate(with(minimal(EventType.LOGIN), "occurredAt", occurredAt)).isValid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T12:05:00.000000001Z", "2026-11-22T12:05:01Z", "2026-11-22T17:06:00+05:00", "2027-01-01T00:00:00Z"})
    void rejectsTimesMoreThanFiveMinutesAhead(String occurredAt) {
        assertEquals(List.of(new FieldError("occurredAt", "must not be more than 5 minutes in the future")),
                validator.validate(with(minimal(EventType.LOGIN), "occurredAt", occurredAt)).errors());
    }

    @Test
    void appliesTheConfiguredSkew() {
        EventValidator strict = new EventValidator(CLOCK, Duration.ofSeconds(30));
        ObjectNode login = minimal(EventType.LOGIN);

        assertTrue(strict.validate(with(login, "occurredAt", NOW.plusSeconds(30).toString())).isValid());
        assertEquals(List.of(new FieldError("occurredAt", "must not be more than 30 seconds in the future")),
                strict.validate(with(login, "occurredAt", NOW.plusSeconds(31).toString())).errors());
        assertEquals(EventValidator.DEFAULT_MAX_FUTURE_SKEW, Duration.ofMinutes(5));
    }

    @Test
    void refusesANegativeSkew() {
        assertThrows(IllegalArgumentException.class, () -> new EventValidator(CLOCK, Duration.ofSeconds(-1)));
    }

    @Test
    void returnsAnUnmodifiableErrorList() {
        List<FieldError> errors = validator.validate(object()).errors();

        assertThrows(UnsupportedOperationException.class, () -> errors.add(new FieldError("x", "y")));
    }
}
