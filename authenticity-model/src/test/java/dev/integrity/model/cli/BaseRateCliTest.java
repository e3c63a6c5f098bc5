package dev.integrity.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point of {@code --base-rate}: a model trained on data with 35 % fakes and {@code --base-rate 0.1} keeps its
 * target precision on a population with 10 % fakes; the same training without it does not. All through the command
 * line, on generated data the models never saw.
 *
 * <p>The target is 0.95, not the default 0.99: with 20,000 training rows the validation split holds about 2,600
 * genuine profiles, and 0.99 at 10 % fakes allows about one false positive among them, which no split of that size
 * can tell apart from two or three (the train command says so). 0.95 rests on a few false positives.
 */
class BaseRateCliTest {

    private static final double TARGET = 0.95;

    @TempDir
    static Path dir;

    private static Path tenPercent;
    private static Path thirtyFivePercent;
    private static Path withBaseRate;
    private static Path withoutBaseRate;

    @BeforeAll
    static void generateAndTrain() {
        Path training = dir.resolve("training.csv");
        tenPercent = dir.resolve("ten-percent.csv");
        thirtyFivePercent = dir.resolve("thirty-five-percent.csv");
        withBaseRate = dir.resolve("with-base-rate");
        withoutBaseRate = dir.resolve("without-base-rate");
        ok("generate", "--out", training.toString(), "--rows", "20000", "--seed", "2026");
        ok("generate", "--out", tenPercent.toString(), "--rows", "20000", "--seed", "7", "--fake-share", "0.1");
        ok("generate", "--out", thirtyFivePercent.toString(), "--rows", "20000", "--seed", "8");
        String target = String.valueOf(TARGET);
        ok("train", "--data", training.toString(), "--out", withBaseRate.toString(), "--target-precision", target,
                "--base-rate", "0.1");
        ok("train", "--data", training.toString(), "--out", withoutBaseRate.toString(), "--target-precision", target);
    }

    @Test
    void trainedForTenPercentFakesItKeepsTheTargetPrecisionThere() throws IOException {
        JsonNode result = evaluate(withBaseRate, tenPercent, null);
        JsonNode metrics = result.get("metrics");

        assertEquals(0.1, result.get("dataBaseRate").asDouble(), 0.005);
        assertEquals(0.1, result.get("modelBaseRate").asDouble());
        assertTrue(metrics.get("precision").asDouble() >= TARGET, "precision " + metrics.get("precision"));
        assertTrue(metrics.get("recall").asDouble() > 0.3, "recall " + metrics.get("recall"));
    }

    @Test
    void trainedAtTheDataOwnShareItFallsShortThere() throws IOException {
        JsonNode metrics = evaluate(withoutBaseRate, tenPercent, null).get("metrics");

        assertTrue(metrics.get("precision").asDouble() < TARGET - 0.05, "precision " + metrics.get("precision"));
        assertTrue(evaluate(withoutBaseRate, thirtyFivePercent, null).get("metrics").get("precision").asDouble()
                >= TARGET - 0.01, "at the share it was trained for it is near the target");
    }

    @Test
    void reweightingFromThirtyFivePercentPredictsTheTenPercentPrecision() throws IOException {
        for (Path model : new Path[] {withBaseRate, withoutBaseRate}) {
            double predicted = evaluate(model, thirtyFivePercent, 0.1).get("atBaseRate").get("precision").asDouble();
            double measured = evaluate(model, tenPercent, null).get("metrics").get("precision").asDouble();

            assertEquals(measured, predicted, 0.02, model.getFileName().toString());
        }
    }

    private static JsonNode evaluate(Path model, Path data, Double baseRate) throws IOException {
        Path json = dir.resolve("eval-" + model.getFileName() + "-" + data.getFileName() + "-" + baseRate + ".json");
        if (baseRate == null) {
            ok("evaluate", "--model", model.toString(), "--data", data.toString(), "--json", json.toString());
        } else {
            ok("evaluate", "--model", model.toString(), "--data", data.toString(), "--base-rate", baseRate.toString(),
                    "--json", json.toString());
        }
        return new ObjectMapper().readTree(json.toFile());
    }

    private static String ok(String... args) {
        CliRunner.Captured r = CliRunner.capture(new ModelCli(), args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r.out();
    }
}
