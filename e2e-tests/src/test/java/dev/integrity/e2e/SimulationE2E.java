package dev.integrity.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small simulation through the running suite, with its evaluation: asserts that the evaluation
 * runs and that its numbers are consistent with each other and with the population (not that the
 * detection targets are met; ./suite bench and ./suite simulate report those).
 */
class SimulationE2E {

    @Test
    void aSmallSimulationIsEvaluatedConsistently() throws Exception {
        int accounts = 300;
        Path report = Path.of("target/simulation/evaluation-e2e.json").toAbsolutePath();
        Path truth = Path.of("target/simulation/truth-e2e.csv").toAbsolutePath();
        Files.createDirectories(report.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        Process run = new ProcessBuilder(java, "-Xmx512m", "-jar", "simulator/target/simulator-cli.jar", "run",
                "--accounts", String.valueOf(accounts), "--hours", "1", "--seed", String.valueOf(System.currentTimeMillis() / 1000),
                "--follow-up-seconds", "10", "--settle-seconds", "45", "--gateway", Suite.gateway(), "--suite", "./suite",
                "--truth", truth.toString(), "--report", report.toString())
                .directory(new File("..")).inheritIO().start();
        assertTrue(run.waitFor(8, TimeUnit.MINUTES), "the simulation finishes");
        assertEquals(0, run.exitValue(), "the simulation and its evaluation ran without errors or rejected events");

        JsonNode evaluation = new ObjectMapper().readTree(report.toFile());
        int total = 0;
        int inauthentic = 0;
        for (JsonNode row : evaluation.get("archetypes")) {
            int n = row.get("accounts").asInt();
            total += n;
            inauthentic += row.get("label").asInt() == 1 ? n : 0;
            assertEquals(n, row.get("clean").asInt() + row.get("suspect").asInt() + row.get("warned").asInt()
                    + row.get("blocked").asInt() + row.get("unknown").asInt(), "statuses add up for " + row.get("archetype"));
            assertTrue(row.get("flagged").asInt() <= n && row.get("enforced").asInt() <= n);
        }
        assertEquals(accounts, total, "every account of the population is evaluated once");
        for (String view : new String[] { "flagged", "enforced" }) {
            JsonNode m = evaluation.get(view);
            int tp = m.get("truePositives").asInt();
            int fp = m.get("falsePositives").asInt();
            int fn = m.get("falseNegatives").asInt();
            int tn = m.get("trueNegatives").asInt();
            assertEquals(accounts, tp + fp + fn + tn, view + ": the confusion matrix covers the population");
            assertEquals(inauthentic, tp + fn, view + ": positives are the inauthentic accounts");
            if (tp + fn > 0) {
                assertEquals((double) tp / (tp + fn), m.get("recall").asDouble(), 1e-9, view + " recall");
            }
            if (tp + fp > 0) {
                assertEquals((double) tp / (tp + fp), m.get("precision").asDouble(), 1e-9, view + " precision");
            }
            assertEquals(tn + fp == 0 ? 0 : (double) fp / (tn + fp), m.get("falsePositiveRate").asDouble(), 1e-9, view + " FPR");
        }
    }
}
