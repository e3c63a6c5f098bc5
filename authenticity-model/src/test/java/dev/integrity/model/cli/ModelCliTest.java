package dev.integrity.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.cli.CliRunner.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCliTest {

    @TempDir
    static Path dir;

    private static Path data;
    private static Path modelDir;

    @BeforeAll
    static void generateAndTrain() {
        data = dir.resolve("profiles.csv");
        modelDir = dir.resolve("model");
        Captured generate = run("generate", "--out", data.toString(), "--rows", "3000", "--seed", "21");
        assertEquals(0, generate.code(), generate.err());
        assertTrue(generate.out().startsWith("3000 profiles ("), generate.out());

        Captured train = run("train", "--data", data.toString(), "--out", modelDir.toString(), "--seed", "3");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("held-out test split (base rate of the data 0.3"), train.out());
        assertTrue(train.out().contains("base rate 0.3470 (share of fakes in the training data), target precision 0.9900"),
                train.out());
        assertFalse(train.out().contains("re-weighted"), "no base rate given, nothing re-weighted:\n" + train.out());
        assertTrue(train.out().contains("threshold"), train.out());
    }

    @Test
    void evaluatePrintsATableAndWritesJson() throws IOException {
        Path fresh = dir.resolve("fresh.csv");
        assertEquals(0, run("generate", "--out", fresh.toString(), "--rows", "1000", "--seed", "22").code());
        Path json = dir.resolve("out/metrics.json");

        Captured evaluate = run("evaluate", "--model", modelDir.toString(), "--data", fresh.toString(), "--json", json.toString());

        assertEquals(0, evaluate.code(), evaluate.err());
        for (String row : new String[] {"accuracy", "precision", "recall", "F1", "ROC AUC", "actual fake", "TP "}) {
            assertTrue(evaluate.out().contains(row), row + " in\n" + evaluate.out());
        }
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        JsonNode metrics = written.get("metrics");
        JsonNode confusion = metrics.get("confusionMatrix");
        assertEquals(AuthenticityModel.load(modelDir).id(), written.get("model").asText());
        assertEquals(1000, metrics.get("rows").asInt());
        assertEquals(1000, confusion.get("truePositives").asLong() + confusion.get("falsePositives").asLong()
                + confusion.get("trueNegatives").asLong() + confusion.get("falseNegatives").asLong());
        for (String field : new String[] {"accuracy", "precision", "recall", "f1", "rocAuc", "threshold"}) {
            assertTrue(metrics.get(field).isNumber(), field);
        }
        long fakes = confusion.get("truePositives").asLong() + confusion.get("falseNegatives").asLong();
        assertEquals(fakes / 1000.0, written.get("dataBaseRate").asDouble(), 1e-12);
        assertEquals(1041 / 3000.0, written.get("modelBaseRate").asDouble(), 1e-12);
        assertEquals("logistic", written.get("modelKind").asText());
        assertFalse(written.has("atBaseRate"));
        assertTrue(evaluate.out().contains(String.format("as measured (base rate of the data %.4f: %d of 1000 rows fake)",
                fakes / 1000.0, fakes)), evaluate.out());
    }

    @Test
    void evaluateReweightsToABaseRate() throws IOException {
        Path fresh = dir.resolve("fresh-rw.csv");
        assertEquals(0, run("generate", "--out", fresh.toString(), "--rows", "2000", "--seed", "23").code());
        Path json = dir.resolve("rw/metrics.json");

        Captured evaluate = run("evaluate", "--model", modelDir.toString(), "--data", fresh.toString(), "--base-rate", "0.01",
                "--json", json.toString());

        assertEquals(0, evaluate.code(), evaluate.err());
        for (String row : new String[] {"as measured (base rate of the data 0.3", "re-weighted to the base rate 0.0100",
                "false-positive rate", "recall (TPR)", "per 10,000 profiles: "}) {
            assertTrue(evaluate.out().contains(row), row + " in\n" + evaluate.out());
        }
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        JsonNode measured = written.get("metrics");
        JsonNode reweighted = written.get("atBaseRate");
        JsonNode c = measured.get("confusionMatrix");
        double tpr = c.get("truePositives").asDouble() / (c.get("truePositives").asLong() + c.get("falseNegatives").asLong());
        double fpr = c.get("falsePositives").asDouble() / (c.get("falsePositives").asLong() + c.get("trueNegatives").asLong());
        assertEquals(0.01, reweighted.get("baseRate").asDouble());
        assertEquals(measured.get("threshold").asDouble(), reweighted.get("threshold").asDouble());
        assertEquals(tpr, reweighted.get("recall").asDouble(), 1e-12);
        assertEquals(fpr, reweighted.get("falsePositiveRate").asDouble(), 1e-12);
        assertEquals(0.01 * tpr / (0.01 * tpr + 0.99 * fpr), reweighted.get("precision").asDouble(), 1e-12);
        assertEquals(measured.get("rocAuc").asDouble(), reweighted.get("rocAuc").asDouble());
        for (String field : new String[] {"f1", "accuracy"}) {
            assertTrue(reweighted.get(field).isNumber(), field);
        }
        assertTrue(reweighted.get("precision").asDouble() < measured.get("precision").asDouble(),
                "fakes are rarer, so a flag is less often right");
    }

    @Test
    void trainRecordsAGivenBaseRateAndTheForestScoresBehindTheSameApi() throws IOException {
        Path rare = dir.resolve("model-rare");
        Path forest = dir.resolve("model-forest");

        Captured trainRare = run("train", "--data", data.toString(), "--out", rare.toString(), "--seed", "3", "--base-rate", "0.1");
        Captured trainForest = run("train", "--data", data.toString(), "--out", forest.toString(), "--seed", "3",
                "--algorithm", "forest", "--base-rate", "0.1", "--target-precision", "0.95");

        assertEquals(0, trainRare.code(), trainRare.err());
        assertTrue(trainRare.out().contains("base rate 0.1000 (given at training (--base-rate)), target precision 0.9900"),
                trainRare.out());
        assertTrue(trainRare.out().contains("held-out test split re-weighted to the base rate 0.1000:"), trainRare.out());
        AuthenticityModel rareModel = AuthenticityModel.load(rare);
        AuthenticityModel common = AuthenticityModel.load(modelDir);
        assertEquals(0.1, rareModel.thresholdChoice().baseRate());
        assertEquals(0.1, rareModel.metricsAtBaseRate().baseRate());
        assertTrue(rareModel.threshold() >= common.threshold());
        JsonNode file = new ObjectMapper().readTree(rare.resolve("model.json").toFile());
        assertEquals(0.1, file.get("thresholdChoice").get("baseRate").asDouble());
        assertTrue(file.get("thresholdChoice").get("expectedPrecision").isNumber());

        assertEquals(0, trainForest.code(), trainForest.err());
        assertTrue(trainForest.out().startsWith("model m-") && trainForest.out().contains("(forest) written to"),
                trainForest.out());
        AuthenticityModel forestModel = AuthenticityModel.load(forest);
        assertEquals("forest", forestModel.kind());
        assertEquals(0.95, forestModel.thresholdChoice().targetPrecision());
        Captured evaluate = run("evaluate", "--model", forest.toString(), "--data", data.toString(), "--base-rate", "0.1");
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().contains("(forest) on "), evaluate.out());
    }

    @Test
    void showPrintsTheBaseRateAndCanReweightTheTestSplit() {
        Captured shipped = run("show");
        Captured trained = run("show", "--model", modelDir.toString(), "--base-rate", "0.01");

        assertEquals(0, shipped.code(), shipped.err());
        assertTrue(shipped.out().startsWith("model m-20261122121305-fd7ca282 (logistic, format 1)"), shipped.out());
        assertTrue(shipped.out().contains("base rate 0.3523 (share of fakes in the training data)"), shipped.out());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("most important first"), trained.out());
        assertTrue(trained.out().contains("held-out test split re-weighted to the base rate 0.0100:"), trained.out());
    }

    @Test
    void benchPrintsNanosecondsPerScore() {
        Captured bench = run("bench", "--model", modelDir.toString(), "--iterations", "20000");

        assertEquals(0, bench.code(), bench.err());
        assertTrue(bench.out().contains("ns/score"), bench.out());
    }

    @Test
    void errorsAreOneLineAndExitCodeTwo() throws IOException {
        Path lacking = dir.resolve("lacking.csv");
        Files.writeString(lacking, "username,label\nanna,0\n");
        Path malformed = dir.resolve("malformed.csv");
        Files.writeString(malformed, "followerCount,label\n3,0\nlots,1\n");

        assertError(run("evaluate", "--data", data.toString()), "error: Missing required option: '--model=DIR' (see --help)");
        assertError(run("evaluate", "--model", modelDir.toString(), "--data", dir.resolve("nope.csv").toString()),
                "error: no such file: " + dir.resolve("nope.csv"));
        assertError(run("evaluate", "--model", dir.resolve("no-model").toString(), "--data", data.toString()),
                "error: no model at " + dir.resolve("no-model") + " (expected a directory with model.json)");
        assertError(run("evaluate", "--model", modelDir.toString(), "--data", lacking.toString()),
                "error: " + lacking + " lacks columns followerCount, followingCount, mediaCount, biography, externalUrl,"
                        + " hasProfilePicture, isPrivate, fullName that model " + AuthenticityModel.load(modelDir).id() + " needs");
        assertError(run("train", "--data", malformed.toString(), "--out", dir.resolve("m2").toString()),
                "error: line 3: followerCount 'lots' is not a non-negative integer");
        assertError(run("train", "--data", data.toString(), "--out", dir.resolve("m3").toString(), "--target-precision", "1.5"),
                "error: target precision must be in (0, 1], got 1.5 (see --help)");
        assertError(run("generate", "--out", dir.resolve("x.csv").toString(), "--rows", "ten"),
                "error: Invalid value for option '--rows': 'ten' is not an int (see --help)");
        assertError(run(), "error: a command is required: train, evaluate, show, generate or bench (see --help)");
        assertError(run("fly"), "error: Unmatched argument at index 0: 'fly' (see --help)");
    }

    @Test
    void badBaseRatesAndAlgorithmsAreOneLineErrorsNamingTheOption() throws IOException {
        String out = dir.resolve("m-bad").toString();
        for (String bad : new String[] {"0", "1", "1.5", "-0.1", "NaN", "Infinity"}) {
            String got = String.valueOf(Double.parseDouble(bad));
            assertError(run("train", "--data", data.toString(), "--out", out, "--base-rate", bad),
                    "error: --base-rate must be between 0 and 1 (exclusive), got " + got + " (see --help)");
            assertError(run("evaluate", "--model", modelDir.toString(), "--data", data.toString(), "--base-rate", bad),
                    "error: --base-rate must be between 0 and 1 (exclusive), got " + got + " (see --help)");
        }
        assertError(run("train", "--data", data.toString(), "--out", out, "--base-rate", "ten percent"),
                "error: Invalid value for option '--base-rate': 'ten percent' is not a double (see --help)");
        assertError(run("evaluate", "--model", modelDir.toString(), "--data", data.toString(), "--base-rate"),
                "error: Missing required parameter for option '--base-rate' (P) (see --help)");
        assertError(run("show", "--base-rate", "2"), "error: --base-rate must be between 0 and 1 (exclusive), got 2.0 (see --help)");
        assertError(run("train", "--data", data.toString(), "--out", out, "--algorithm", "xgboost"),
                "error: --algorithm must be logistic or forest, got 'xgboost' (see --help)");
        assertFalse(Files.exists(dir.resolve("m-bad")), "nothing is written on a bad option");

        Path genuineOnly = dir.resolve("genuine-only.csv");
        Files.writeString(genuineOnly, "followerCount,followingCount,mediaCount,biography,externalUrl,hasProfilePicture,"
                + "isPrivate,username,fullName,label\n120,300,40,hi,,true,false,anna.k,Anna K,0\n");
        assertError(run("evaluate", "--model", modelDir.toString(), "--data", genuineOnly.toString(), "--base-rate", "0.1"),
                "error: re-weighting to a base rate needs both fake and genuine rows; the data has no fake rows");
    }

    private static void assertError(Captured run, String message) {
        assertEquals(2, run.code(), run.out());
        assertEquals(message, run.err().strip());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private static Captured run(String... args) {
        return CliRunner.capture(new ModelCli(), args);
    }
}
