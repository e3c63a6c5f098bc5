package dev.integrity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        assertInvalid(json.replace("\"format\" : 1", "\"format\" : 9"), "unsupported model format 9 (this code reads formats 1 and 2)");
        assertInvalid(json.replace("\"threshold\" : 0.5", "\"threshold\" : 1.5"), "threshold 1.5 is outside [0, 1]");
        assertInvalid(json.replace("\"intercept\" : -0.5,", ""), "missing field 'intercept'");
        assertInvalid("[]", "Cannot deserialize");
    }

    @Test
    void savesAndLoadsAForest() throws IOException {
        AuthenticityModel forest = TestModels.forest(0.7);

        Path file = forest.save(dir.resolve("f"));
        AuthenticityModel loaded = AuthenticityModel.load(file);

        assertEquals(forest, loaded);
        assertEquals(AuthenticityModel.FOREST, loaded.kind());
        assertEquals(2, loaded.format());
        assertEquals(forest.scorer().probability(Map.of(FeatureSet.LOG_FOLLOWERS, 2.0)),
                loaded.scorer().probability(Map.of(FeatureSet.LOG_FOLLOWERS, 2.0)));
        assertTrue(Files.readString(file).contains("\"forest\" : {"));
        assertFalse(Files.readString(TestModels.twoFeatures(0.5).save(dir.resolve("m0"))).contains("\"forest\""),
                "a logistic model does not mention a forest");
    }

    @Test
    void rejectsInconsistentForests() {
        String json = TestModels.forest(0.5).toJson();

        assertInvalid(json.replace("\"format\" : 2", "\"format\" : 1"), "a forest must be format 2");
        assertInvalid(TestModels.twoFeatures(0.5).toJson().replace("\"format\" : 1", "\"format\" : 2"),
                "format 2 needs a forest");
        assertInvalid(json.replace("\"feature\" : [ 0, -1, -1 ]", "\"feature\" : [ 5, -1, -1 ]"),
                "tree 1 splits on feature 5 but the model has 2 features");
        assertInvalid(json.replace("\"left\" : [ 1, -1, -1 ]", "\"left\" : [ 0, -1, -1 ]"),
                "node 0 has children outside (0, 3)");
        assertInvalid(json.replace("\"value\" : [ 0.4, 0.6, 0.2 ]", "\"value\" : [ 0.4, 1.6, 0.2 ]"),
                "node 1 has value 1.6 outside [0, 1]");
        assertInvalid(json.replace("\"value\" : [ 0.4, 0.6, 0.2 ]", "\"value\" : [ 0.4, 0.6 ]"),
                "a tree's feature, split, left, right and value must have the same, non-zero length");
        ModelFormatException wrongIntercept = assertThrows(ModelFormatException.class,
                () -> AuthenticityModel.fromJson(json.replaceFirst("\"intercept\" : [^,]+,", "\"intercept\" : 2.0,")).scorer());
        assertTrue(wrongIntercept.getMessage().startsWith("the forest's intercept 2.0 is not the log-odds of its average root"),
                wrongIntercept.getMessage());
    }

    @Test
    void loadsFilesWrittenBeforeBaseRatesAndImportance() {
        AuthenticityModel model = TestModels.withChoiceAndTraining();
        String current = model.toJson();
        String old = current.replaceAll(",\\s*\"importance\" : [^,}\\s]+", "")
                .replaceAll(",\\s*\"(validationFalsePositiveRate|baseRate|baseRateSource|expectedPrecision|expectedPrecisionLowerBound)\" : [^,}\\n]+", "")
                .replaceAll(",\\s*\"metricsAtBaseRate\" : null", "");

        AuthenticityModel loaded = AuthenticityModel.fromJson(old);

        assertFalse(old.contains("baseRate") || old.contains("importance") || old.contains("expectedPrecision"), old);
        assertEquals(null, loaded.thresholdChoice().baseRate());
        assertEquals(null, loaded.features().get(0).importance());
        assertEquals(null, loaded.metricsAtBaseRate());
        assertEquals(model.threshold(), loaded.threshold());
        // Such a model chose its threshold at the training data's share of fakes, with the precision measured.
        assertEquals(300 / 1000.0, loaded.baseRate().getAsDouble(), 1e-12);
        assertEquals(0.98, loaded.expectedPrecision().getAsDouble(), 1e-12);
        assertEquals(0.1, model.baseRate().getAsDouble(), 1e-12);
        assertEquals(0.97, model.expectedPrecision().getAsDouble(), 1e-12);
        assertTrue(TestModels.twoFeatures(0.5).baseRate().isEmpty());
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
