package dev.integrity.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrity.model.AuthenticityModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    /** Exit code and what went to stdout and stderr. */
    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void generateAndTrain() {
        data = dir.resolve("profiles.csv");
        modelDir = dir.resolve("model");
        Run generate = run("generate", "--out", data.toString(), "--rows", "3000", "--seed", "21");
        assertEquals(0, generate.code(), generate.err());
        assertTrue(generate.out().startsWith("3000 profiles ("), generate.out());

        Run train = run("train", "--data", data.toString(), "--out", modelDir.toString(), "--seed", "3");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("held-out test split:"), train.out());
        assertTrue(train.out().contains("threshold"), train.out());
    }

    @Test
    void evaluatePrintsATableAndWritesJson() throws IOException {
        Path fresh = dir.resolve("fresh.csv");
        assertEquals(0, run("generate", "--out", fresh.toString(), "--rows", "1000", "--seed", "22").code());
        Path json = dir.resolve("out/metrics.json");

        Run evaluate = run("evaluate", "--model", modelDir.toString(), "--data", fresh.toString(), "--json", json.toString());

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
    }

    @Test
    void benchPrintsNanosecondsPerScore() {
        Run bench = run("bench", "--model", modelDir.toString(), "--iterations", "20000");

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
        assertError(run(), "error: a command is required: train, evaluate, generate or bench (see --help)");
        assertError(run("fly"), "error: Unmatched argument at index 0: 'fly' (see --help)");
    }

    private static void assertError(Run run, String message) {
        assertEquals(2, run.code(), run.out());
        assertEquals(message, run.err().strip());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ModelCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
