package dev.integrity.contract;

import static dev.integrity.contract.Samples.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schema and {@link EventValidator} must agree on every sample. */
class JsonSchemaAgreementTest {

    private static final String SCHEMA_RESOURCE = "/schema/account-event-v1.schema.json";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final JsonNode SCHEMA_DOCUMENT = readSchema();
    private static final JsonSchema SCHEMA = FACTORY.getSchema(SCHEMA_DOCUMENT, CONFIG);

    private final EventValidator validator = new EventValidator(CLOCK);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.integrity.contract.ValidCases#all")
    void schemaAcceptsWhatTheValidatorAccepts(ValidCases.Case valid) {
        assertTrue(validator.validate(valid.event()).isValid());
        assertEquals(Set.of(), SCHEMA.validate(valid.event()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.integrity.contract.InvalidCases#all")
    void schemaRejectsWhatTheValidatorRejects(InvalidCases.Case invalid) {
        assertFalse(validator.validate(invalid.event()).isValid());
        Set<ValidationMessage> messages = SCHEMA.validate(invalid.event());
        if (invalid.schemaCanTell()) {
            assertTrue(messages.stream().anyMatch(message -> names(message, invalid.field())),
                    "the schema should reject " + invalid.field() + ", said " + messages);
        } else {
            assertEquals(Set.of(), messages, "a rule beyond JSON Schema, enforced by the validator only");
        }
    }

    /** Whether the schema's message is about the field, given as the validator names it (e.g. profile.mediaCount). */
    private static boolean names(ValidationMessage message, String field) {
        String pointer = "/" + field.replace('.', '/');
        String location = message.getInstanceLocation().toString();
        return location.equals(pointer) || (message.getProperty() != null && (location + "/" + message.getProperty()).equals(pointer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.integrity.contract.ValidCases#all")
    void writtenEventsMatchTheSchema(ValidCases.Case valid) throws IOException {
        byte[] written = EventJson.toBytes(validator.validate(valid.event()).event());

        assertEquals(Set.of(), SCHEMA.validate(EventJson.mapper().readTree(written)));
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertEquals(Set.of(), metaSchema.validate(SCHEMA_DOCUMENT));
    }

    @Test
    void everyPropertyIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(SCHEMA_DOCUMENT.get("properties"), "", undescribed);
        collectUndescribed(SCHEMA_DOCUMENT.at("/$defs/profile/properties"), "profile.", undescribed);

        assertEquals(List.of(), undescribed);
        assertEquals(12, SCHEMA_DOCUMENT.get("properties").size(), "the twelve fields of the contract");
    }

    private static void collectUndescribed(JsonNode properties, String prefix, List<String> undescribed) {
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (!property.getValue().path("description").isTextual()) {
                undescribed.add(prefix + property.getKey());
            }
        }
    }

    private static JsonNode readSchema() {
        try (InputStream in = JsonSchemaAgreementTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
