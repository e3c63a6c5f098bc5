package dev.integrity.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small simulation through the running suite, with its evaluation: asserts that the evaluation's
 * numbers are consistent with each other and with the population, and that detection meets its
 * floors: no genuine account of any archetype flagged (the lookalikes included: crowds of real fans
 * that a careless lockstep detector takes for a farm), flagged recall of at least 0.85, and lockstep
 * groups made of one farm each. The floors read the evaluation's JSON (simulator's ReportJson).
 */
class SimulationE2E {

    /** The issue asks 0.98 over large runs; 300 accounts and one hour are noisier. */
    /**
     * A small population has one follow-for-follow ring of nine, whose members mix their app follows
     * with their own engagement and are the ones missed (4 of 9 in one run); the three 1,000-account
     * seeds of the README reach 0.98 to 0.99. Farms and buyers must all be found (below).
     */
    private static final double MIN_FLAGGED_RECALL = 0.85;

    /**
     * The genuine lookalike archetypes and the fewest accounts each has in 300 (the simulator's
     * floors): the test only proves something if they were there.
     */
    private static final Map<String, Integer> LOOKALIKES = Map.of("FLASH_CROWD_FAN", 100, "EXPLORE_LIKER", 5, "GIVEAWAY_ENTRANT", 30);

    @Test
    void aSmallSimulationIsEvaluatedConsistentlyAndMeetsTheDetectionFloors() throws Exception {
        int accounts = 300;
        Path report = Path.of("target/simulation/evaluation-e2e.json").toAbsolutePath();
        Path truth = Path.of("target/simulation/truth-e2e.csv").toAbsolutePath();
        Files.createDirectories(report.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        Process run = new ProcessBuilder(java, "-Xmx512m", "-jar", "simulator/target/simulator-cli.jar", "run",
                "--accounts", String.valueOf(accounts), "--hours", "6", "--seed", String.valueOf(System.currentTimeMillis() / 1000),
                "--follow-up-seconds", "10", "--settle-seconds", "120", "--gateway", Suite.gateway(), "--suite", "./suite",
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

        // The floors, all checked so that one run shows every miss.
        List<Executable> floors = new ArrayList<>();
        floors.addAll(lookalikesWereThere(evaluation));
        floors.addAll(noGenuineAccountFlagged(evaluation));
        floors.add(recallFloor(evaluation.get("flagged")));
        for (JsonNode row : evaluation.get("archetypes")) {
            String archetype = row.get("archetype").asText();
            if (archetype.equals("BOT_FARM") || archetype.equals("FOLLOWER_BUYER")) {
                floors.add(() -> assertEquals(row.get("accounts").asInt(), row.get("flagged").asInt(),
                        archetype + ": every account is found (" + row.get("flagged").asInt() + " of " + row.get("accounts").asInt() + ")"));
            }
        }
        floors.add(lockstepPurity(evaluation.get("lockstep")));
        assertAll("detection floors", floors);
    }

    /** (d) Each lookalike archetype has its accounts, acted, and (for the crowds) formed its crowd. */
    private static List<Executable> lookalikesWereThere(JsonNode evaluation) {
        List<Executable> checks = new ArrayList<>();
        JsonNode events = evaluation.path("run").path("eventsByArchetype");
        LOOKALIKES.forEach((archetype, minimum) -> checks.add(() -> {
            JsonNode row = row(evaluation, archetype);
            assertTrue(row != null, archetype + ": no row in the evaluation, so the lookalike was not exercised");
            assertTrue(row.get("label").asInt() == 0 && row.path("lookalike").asBoolean(), archetype + " is a genuine lookalike: " + row);
            assertTrue(row.get("accounts").asInt() >= minimum, archetype + ": " + row.get("accounts").asInt() + " accounts, fewer than the "
                    + minimum + " a 300-account population holds");
            assertTrue(events.path(archetype).asLong() > 0, archetype + ": sent no events (" + events + ")");
        }));
        checks.add(() -> assertTrue(crowdOfAtLeast(evaluation, "FLASH", 100),
                "a flash crowd of at least 100 fans: " + evaluation.path("run").path("crowds")));
        checks.add(() -> assertTrue(crowdOfAtLeast(evaluation, "GIVEAWAY", 30),
                "a loop giveaway of at least 30 entrants: " + evaluation.path("run").path("crowds")));
        return checks;
    }

    /** (a) Not one genuine account flagged, overall and in each genuine archetype's row. */
    private static List<Executable> noGenuineAccountFlagged(JsonNode evaluation) {
        List<Executable> checks = new ArrayList<>();
        JsonNode flagged = evaluation.get("flagged");
        checks.add(() -> assertEquals(0, flagged.get("falsePositives").asInt(), "genuine accounts flagged (false positives): "
                + flagged.get("falsePositives").asInt() + " of " + (flagged.get("falsePositives").asInt()
                        + flagged.get("trueNegatives").asInt())));
        for (JsonNode row : evaluation.get("archetypes")) {
            if (row.get("label").asInt() != 0) {
                continue;
            }
            String archetype = row.get("archetype").asText();
            checks.add(() -> assertEquals(0, row.get("flagged").asInt(), String.format(Locale.ROOT,
                    "%s%s: %d of %d genuine accounts flagged (suspect %d, warned %d, blocked %d, held %d)", archetype,
                    row.path("lookalike").asBoolean() ? " (lookalike)" : "", row.get("flagged").asInt(), row.get("accounts").asInt(),
                    row.get("suspect").asInt(), row.get("warned").asInt(), row.get("blocked").asInt(), row.get("held").asInt())));
        }
        return checks;
    }

    /** (b) Flagged recall over the inauthentic accounts. */
    private static Executable recallFloor(JsonNode flagged) {
        return () -> {
            int tp = flagged.get("truePositives").asInt();
            int fn = flagged.get("falseNegatives").asInt();
            assertTrue(tp + fn > 0, "the population has inauthentic accounts");
            double recall = (double) tp / (tp + fn);
            assertTrue(recall >= MIN_FLAGGED_RECALL, String.format(Locale.ROOT,
                    "flagged recall %.3f is below %.2f: %d of %d inauthentic accounts flagged, %d missed", recall, MIN_FLAGGED_RECALL, tp,
                    tp + fn, fn));
        };
    }

    /** (c) Every lockstep group found is one farm's members and nobody else (purity is absent when no group was found). */
    private static Executable lockstepPurity(JsonNode lockstep) {
        return () -> {
            if (lockstep == null || !lockstep.hasNonNull("purity")) {
                return;
            }
            List<String> impure = new ArrayList<>();
            for (JsonNode g : lockstep.path("groups")) {
                if (!g.hasNonNull("purity") || g.get("purity").asDouble() < 1.0) {
                    impure.add(g.path("groupId").asText() + ": " + g.path("inDominantFarm").asInt() + " of " + g.path("members").asInt()
                            + " from " + g.path("dominantFarm").asText("no farm") + ", by archetype " + g.path("archetypes"));
                }
            }
            assertEquals(1.0, lockstep.get("purity").asDouble(), 1e-9, "lockstep purity " + lockstep.get("purity").asDouble() + " over "
                    + lockstep.path("groupsFound").asInt() + " groups; impure: " + impure);
        };
    }

    private static JsonNode row(JsonNode evaluation, String archetype) {
        for (JsonNode row : evaluation.get("archetypes")) {
            if (archetype.equals(row.get("archetype").asText())) {
                return row;
            }
        }
        return null;
    }

    private static boolean crowdOfAtLeast(JsonNode evaluation, String kind, int members) {
        for (JsonNode crowd : evaluation.path("run").path("crowds")) {
            if (kind.equals(crowd.path("kind").asText()) && crowd.path("members").asInt() >= members) {
                return true;
            }
        }
        return false;
    }
}
