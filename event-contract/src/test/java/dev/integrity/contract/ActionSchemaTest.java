package dev.integrity.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import dev.integrity.contract.action.ActionType;
import dev.integrity.contract.action.PlatformAction;

/** The published schema of enforcement actions accepts what the suite publishes, and nothing that breaks the contract. */
class ActionSchemaTest {

    private static final JsonSchema SCHEMA = schema();
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");

    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of(action(ActionType.HIDE_FOLLOW, "acc-7", null, "e-1")),
                Arguments.of(action(ActionType.RESTORE_FOLLOW, "acc-7", null, "e-1")),
                Arguments.of(action(ActionType.HIDE_LIKE, "acc-7", "m-1", "e-2")),
                Arguments.of(action(ActionType.RESTORE_COMMENT, "acc-7", "m-1", "e-3")),
                Arguments.of(action(ActionType.BLOCK_ACCOUNT, null, null, null)),
                Arguments.of(action(ActionType.UNBLOCK_ACCOUNT, null, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void theSchemaAcceptsWhatTheSuitePublishes(PlatformAction action) {
        assertEquals(Set.of(), SCHEMA.validate(EventJson.mapper().valueToTree(action)));
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("a follow without its target", "targetAccountId", null),
                Arguments.of("a follow with a media id", "mediaId", "m-1"),
                Arguments.of("an unknown type", "type", "DELETE_ACCOUNT"),
                Arguments.of("an action id that is not one", "actionId", "x"),
                Arguments.of("a bad account id", "accountId", "no spaces allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void theSchemaRejects(String what, String field, String value) {
        ObjectNode json = EventJson.mapper().valueToTree(action(ActionType.HIDE_FOLLOW, "acc-7", null, "e-1"));
        json.put(field, value);
        assertFalse(SCHEMA.validate(json).isEmpty(), what);
    }

    @Test
    void theActionIdIsDeterministicAndNamesTheChange() {
        assertEquals(PlatformAction.actionId("enf-1", ActionType.HIDE_FOLLOW, "e-1"), PlatformAction.actionId("enf-1", ActionType.HIDE_FOLLOW, "e-1"));
        assertNotEquals(PlatformAction.actionId("enf-1", ActionType.HIDE_FOLLOW, "e-1"),
                PlatformAction.actionId("enf-1", ActionType.RESTORE_FOLLOW, "e-1"));
        assertNotEquals(PlatformAction.actionId("enf-1", ActionType.HIDE_FOLLOW, "e-1"), PlatformAction.actionId("enf-2", ActionType.HIDE_FOLLOW, "e-1"));
        assertTrue(PlatformAction.actionId("enf-1", ActionType.BLOCK_ACCOUNT, "acc-42").matches("act-[0-9a-f]{24}"));
    }

    @Test
    void everyTypeHasItsInverse() {
        for (ActionType type : ActionType.values()) {
            assertEquals(type, type.inverse().inverse());
            assertNotEquals(type.removes(), type.inverse().removes());
        }
    }

    private static PlatformAction action(ActionType type, String target, String media, String source) {
        String edge = source == null ? "acc-42" : source;
        return new PlatformAction(PlatformAction.actionId("enf-1", type, edge), "enf-1", type, "acc-42", target, media, source, AT);
    }

    private static JsonSchema schema() {
        try (InputStream in = ActionSchemaTest.class.getResourceAsStream("/schema/enforcement-action-v1.schema.json")) {
            JsonNode document = EventJson.mapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
