package dev.integrity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticityModelTest {

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsTheSameModel() throws IOException {
        AuthenticityModel model = TestModels.twoFeatures(0.7);

        Path file = model.save(dir.resolve("m"));

        assertEquals(dir.resolve("m/model.json"), file);
        assertEquals(model, AuthenticityModel.load(dir.resolve("m")));
        assertEquals(model, AuthenticityModel.load(file));
        assertTrue(Files.readString(file).contains("\"createdAt\" : \"2026-01-01T00:00:00Z\""));
    }

    @Test
    void rejectsAMissingDirectory() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> AuthenticityModel.load(dir.resolve("none")));

        assertTrue(e.getMessage().startsWith("no model at "), e.getMessage());
    }

    @Test
    void rejectsInconsistentModelsWithTheReason() {
        String json = TestModels.twoFeatures(0.5).toJson();

        assertInvalid(json.replace("\"std\" : 2.0", "\"std\" : 0.0"), "feature 'log_followers' needs a finite mean and weight and a positive std");
        assertInvalid(json.replace("\"format\" : 1", "\"format\" : 9"), "unsupported model format 9 (this code reads format 1)");
        assertInvalid(json.replace("\"threshold\" : 0.5", "\"threshold\" : 1.5"), "threshold 1.5 is outside [0, 1]");
        assertInvalid(json.replace("\"intercept\" : -0.5,", ""), "missing field 'intercept'");
        assertInvalid("[]", "Cannot deserialize");
    }

    @Test
    void rejectsAnUnknownClasspathResource() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> AuthenticityModel.loadFromClasspath("models/none"));

        assertEquals("no model on the class path at models/none/model.json", e.getMessage());
    }

    private static void assertInvalid(String json, String reason) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> AuthenticityModel.fromJson(json));
        assertTrue(e.getMessage().startsWith("JSON text is not a valid model: " + reason), e.getMessage());
    }
}
