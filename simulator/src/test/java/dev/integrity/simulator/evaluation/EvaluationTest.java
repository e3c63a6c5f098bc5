package dev.integrity.simulator.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.simulator.api.AccountView;
import dev.integrity.simulator.api.EnforcementView;
import dev.integrity.simulator.api.GuardView;
import dev.integrity.simulator.api.NotificationView;
import dev.integrity.simulator.evaluation.EvaluationReport.ArchetypeRow;
import dev.integrity.simulator.evaluation.EvaluationReport.CelebrityRow;
import dev.integrity.simulator.evaluation.EvaluationReport.GroupRow;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.model.TruthRecord;
import dev.integrity.simulator.testing.FakeSuiteApi;
import dev.integrity.simulator.testing.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made population of 13 accounts and the answers a suite could give about them. */
class EvaluationTest {

    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    private final List<TruthRecord> truth = List.of(
            t("g1", Archetype.GENUINE, "", 0), t("g2", Archetype.GENUINE, "", 0), t("g3", Archetype.GENUINE, "", 0),
            t("g4", Archetype.GENUINE, "", 0), t("c1", Archetype.CELEBRITY, "", 3), t("c2", Archetype.CELEBRITY, "", 0),
            t("b1", Archetype.FOLLOWER_BUYER, "", 0), t("b2", Archetype.FOLLOWER_BUYER, "", 0),
            t("f1", Archetype.BOT_FARM, "farm-1", 0), t("f2", Archetype.BOT_FARM, "farm-1", 0), t("f3", Archetype.BOT_FARM, "farm-1", 0),
            t("f4", Archetype.BOT_FARM, "farm-2", 0), t("f5", Archetype.BOT_FARM, "farm-2", 0), t("p1", Archetype.PERSISTENT, "", 0));

    private final FakeSuiteApi api = new FakeSuiteApi();

    @TempDir
    Path dir;

    @BeforeEach
    void suiteAnswers() {
        account("g1", AccountStatus.CLEAN, null, List.of(), 0);
        account("g2", AccountStatus.SUSPECT, null, List.of("Machine-regular timing"), 0);
        account("g3", AccountStatus.SUSPECT, "grp-B", List.of(), 0);
        // g4 is unknown to the suite (404)
        account("c1", AccountStatus.CLEAN, null, List.of(), 6);
        account("c2", AccountStatus.CLEAN, null, List.of(), 40);
        account("b1", AccountStatus.WARNED, null, List.of("300 of 310 follows in the last 24 h came through third-party app 'followboost'"),
                0);
        account("b2", AccountStatus.CLEAN, null, List.of(), 0);
        account("f1", AccountStatus.WARNED, "grp-A", List.of(), 0);
        account("f2", AccountStatus.WARNED, "grp-A", List.of(), 0);
        account("f3", AccountStatus.WARNED, "grp-A", List.of(), 0);
        account("f4", AccountStatus.SUSPECT, null, List.of("Acts in lockstep with 4 other accounts (group grp-B): the same 22 targets"), 0);
        account("f5", AccountStatus.CLEAN, null, List.of(), 0);
        account("p1", AccountStatus.BLOCKED, null, List.of(), 0);

        enforcement("e-b1", "b1", EnforcementStatus.APPLIED, List.of(new ReceiverImpact("c1", 7, 6, 0, 0)));
        enforcement("e-f1", "f1", EnforcementStatus.APPLIED,
                List.of(new ReceiverImpact("c1", 10, 9, 1, 0), new ReceiverImpact("g1", 5, 4, 0, 0)));
        enforcement("e-f2", "f2", EnforcementStatus.APPLIED, List.of(new ReceiverImpact("c1", 9, 8, 0, 0)));
        enforcement("e-f3", "f3", EnforcementStatus.APPLIED, List.of(new ReceiverImpact("c1", 8, 7, 0, 0)));
        enforcement("e-f4", "f4", EnforcementStatus.HELD, List.of(new ReceiverImpact("c1", 6, 5, 0, 0)));
        enforcement("e-p1-0", "p1", EnforcementStatus.APPLIED, List.of());
        enforcement("e-p1-1", "p1", EnforcementStatus.APPLIED, List.of());
        // not this population
        enforcement("e-x", "someone-else", EnforcementStatus.APPLIED, List.of(new ReceiverImpact("c1", 100, 0, 0, 0)));
        api.listCap = 2; // the unfiltered list is capped: the reader must not rely on it alone

        api.guard = new GuardView("OPEN", "removals over the window's limit", T.minusSeconds(60));
        inbox("b1", NotificationView.WARNING);
        inbox("f1", NotificationView.WARNING);
        inbox("f2", NotificationView.WARNING);
        inbox("f3", NotificationView.WARNING);
        inbox("p1", NotificationView.BLOCKED, NotificationView.FINAL_WARNING, NotificationView.WARNING);
    }

    @Test
    void metricsAreComputedFromTheTruthAndTheAnswers() throws Exception {
        FakeTime time = new FakeTime(T);
        StringWriter log = new StringWriter();
        EvaluationReport r = new Evaluation(api, Evaluation.Options.defaults(Duration.ofSeconds(90)), time, time, new PrintWriter(log, true))
                .run(truth, "http://fake");

        assertTrue(r.settled().quiet());
        assertTrue(r.settled().seconds() >= 10 && r.settled().seconds() < 20, "quiet after 10 s without change: " + r.settled());

        // flagged: status SUSPECT/WARNED/BLOCKED or any enforcement
        assertEquals(6, r.flagged().truePositives()); // b1 f1 f2 f3 f4 p1
        assertEquals(2, r.flagged().falsePositives()); // g2 g3
        assertEquals(2, r.flagged().falseNegatives()); // b2 f5
        assertEquals(4, r.flagged().trueNegatives()); // g1 g4 c1 c2
        assertEquals(0.75, r.flagged().precision(), 1e-9);
        assertEquals(0.75, r.flagged().recall(), 1e-9);
        assertEquals(2.0 / 6, r.flagged().falsePositiveRate(), 1e-9);
        // enforced: an APPLIED enforcement
        assertEquals(5, r.enforced().truePositives());
        assertEquals(0, r.enforced().falsePositives());
        assertEquals(1.0, r.enforced().precision(), 1e-9);
        assertEquals(5.0 / 8, r.enforced().recall(), 1e-9);
        assertEquals(0.0, r.enforced().falsePositiveRate(), 1e-9);

        ArchetypeRow genuine = row(r, Archetype.GENUINE);
        assertEquals(4, genuine.accounts());
        assertEquals(2, genuine.flagged());
        assertEquals(1, genuine.unknown());
        assertEquals(2, genuine.suspect());
        ArchetypeRow farm = row(r, Archetype.BOT_FARM);
        assertEquals(5, farm.accounts());
        assertEquals(4, farm.flagged());
        assertEquals(3, farm.enforced());
        assertEquals(1, farm.held());
        assertEquals(3, farm.warned());
        assertEquals(1, row(r, Archetype.PERSISTENT).blocked());
        assertFalse(r.archetypes().stream().anyMatch(a -> a.archetype().equals("F4F_RING")), "no row for an archetype without accounts");

        // lockstep: grp-A = f1 f2 f3 (farm-1), grp-B = f4 (farm-2, from the reason) + g3
        assertEquals(2, r.lockstep().groupsFound());
        assertEquals(5, r.lockstep().membersInGroups());
        assertEquals(4.0 / 5, r.lockstep().purity(), 1e-9);
        assertEquals(5, r.lockstep().farmMembers());
        assertEquals(4, r.lockstep().farmMembersInGroups());
        assertEquals(0.8, r.lockstep().coverage(), 1e-9);
        GroupRow b = r.lockstep().groups().stream().filter(g -> g.groupId().equals("grp-B")).findFirst().orElseThrow();
        assertEquals("farm-2", b.dominantFarm());
        assertEquals(0.5, b.purity(), 1e-9);
        assertEquals(Map.of("BOT_FARM", 1, "GENUINE", 1), b.archetypes());

        // the celebrity who bought 3 followers: 3 removed from farm accounts, 1 from a buyer; 1 more held
        assertEquals(1, r.celebrities().size());
        CelebrityRow c = r.celebrities().getFirst();
        assertEquals("c1", c.accountId());
        assertEquals(6, c.followersNow());
        assertEquals(10, c.followersBefore());
        assertEquals(4, c.removedFollows());
        assertEquals(3, c.removedByFarms());
        assertEquals(1, c.removedByOtherInauthentic());
        assertEquals(0, c.removedByGenuine());
        assertEquals(1, c.heldFollows());
        assertEquals(0.3, c.boughtShare(), 1e-9);
        assertEquals(0.4, c.removedShare(), 1e-9);
        assertEquals(1.0, c.boughtRemovedShare(), 1e-9);

        assertEquals("OPEN", r.guard().state());
        assertEquals(1, r.guard().held());
        assertEquals(Map.of(EnforcementStatus.APPLIED.name(), 6L, EnforcementStatus.HELD.name(), 1L), r.enforcementsByStatus());
        assertEquals(5, r.messages().inboxesRead());
        assertEquals(Map.of(NotificationView.WARNING, 5L, NotificationView.FINAL_WARNING, 1L, NotificationView.BLOCKED, 1L),
                r.messages().byKind());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("1 of 14 accounts are unknown")), r.notes().toString());
    }

    @Test
    void ratiosWithNothingToDivideByAreNotMadeUp() throws Exception {
        FakeSuiteApi empty = new FakeSuiteApi();
        List<TruthRecord> genuineOnly = List.of(t("g1", Archetype.GENUINE, "", 0));
        FakeTime time = new FakeTime(T);
        EvaluationReport r = new Evaluation(empty, Evaluation.Options.defaults(Duration.ofSeconds(30)), time, time,
                new PrintWriter(new StringWriter())).run(genuineOnly, "http://fake");
        assertNull(r.flagged().precision());
        assertNull(r.flagged().recall());
        assertEquals(0.0, r.flagged().falsePositiveRate());
        assertNull(r.lockstep().purity());
        assertNull(r.lockstep().coverage());
    }

    @Test
    void theReportIsPrintedAndWrittenAsJson() throws Exception {
        FakeTime time = new FakeTime(T);
        EvaluationReport r = new Evaluation(api, Evaluation.Options.defaults(Duration.ofSeconds(90)), time, time,
                new PrintWriter(new StringWriter())).run(truth, "http://fake");
        StringWriter table = new StringWriter();
        ReportTable.print(r, new PrintWriter(table, true));
        String text = table.toString();
        assertTrue(text.contains("BOT_FARM") && text.contains("precision 0.750") && text.contains("guard: OPEN"), text);
        Path file = dir.resolve("out/evaluation.json");
        ReportJson.write(file, r.withRun(Map.of("seed", 42)));
        JsonNode json = EventJson.mapper().readTree(Files.readString(file));
        assertEquals(0.75, json.path("flagged").path("precision").asDouble(), 1e-9);
        assertEquals(42, json.path("run").path("seed").asInt());
        assertEquals("c1", json.path("celebrities").get(0).path("accountId").asText());
    }

    @Test
    void genuineLookalikesHaveTheirOwnRowsAndAFlagOnThemIsAFalsePositive() throws Exception {
        List<TruthRecord> withLookalikes = new ArrayList<>(truth);
        withLookalikes.addAll(List.of(t("x1", Archetype.FLASH_CROWD_FAN, "flash-1", 0), t("x2", Archetype.FLASH_CROWD_FAN, "flash-1", 0),
                t("x3", Archetype.EXPLORE_LIKER, "", 0), t("x4", Archetype.GIVEAWAY_ENTRANT, "giveaway-1", 0)));
        account("x1", AccountStatus.CLEAN, null, List.of(), 0);
        account("x2", AccountStatus.SUSPECT, "grp-A", List.of("Acts in lockstep"), 0);
        account("x3", AccountStatus.CLEAN, null, List.of(), 0);
        account("x4", AccountStatus.CLEAN, null, List.of(), 0);
        FakeTime time = new FakeTime(T);
        EvaluationReport r = new Evaluation(api, Evaluation.Options.defaults(Duration.ofSeconds(90)), time, time,
                new PrintWriter(new StringWriter())).run(withLookalikes, "http://fake");

        ArchetypeRow fans = row(r, Archetype.FLASH_CROWD_FAN);
        assertTrue(fans.lookalike());
        assertEquals(0, fans.label());
        assertEquals(2, fans.accounts());
        assertEquals(1, fans.flagged());
        assertEquals(0, row(r, Archetype.EXPLORE_LIKER).flagged());
        assertTrue(row(r, Archetype.GIVEAWAY_ENTRANT).lookalike());
        assertFalse(row(r, Archetype.GENUINE).lookalike());
        assertEquals(3, r.flagged().falsePositives(), "g2, g3 and the flagged fan");
        GroupRow a = r.lockstep().groups().stream().filter(g -> g.groupId().equals("grp-A")).findFirst().orElseThrow();
        assertEquals(Map.of("BOT_FARM", 3, "FLASH_CROWD_FAN", 1), a.archetypes(), "a fan in a farm's group spoils its purity");

        StringWriter table = new StringWriter();
        ReportTable.print(r, new PrintWriter(table, true));
        assertTrue(table.toString().contains("GIVEAWAY_ENTRANT "), "the widest name fits its column: " + table);
        String summary = "genuine lookalikes flagged: FLASH_CROWD_FAN 1 of 2, EXPLORE_LIKER 0 of 1, GIVEAWAY_ENTRANT 0 of 1";
        assertTrue(table.toString().contains(summary), table.toString());
        Path file = dir.resolve("lookalikes.json");
        ReportJson.write(file, r);
        JsonNode rows = EventJson.mapper().readTree(Files.readString(file)).path("archetypes");
        List<String> lookalikes = new ArrayList<>();
        rows.forEach(row -> {
            if (row.path("lookalike").asBoolean()) {
                lookalikes.add(row.path("archetype").asText() + "=" + row.path("flagged").asInt());
            }
        });
        assertEquals(List.of("FLASH_CROWD_FAN=1", "EXPLORE_LIKER=0", "GIVEAWAY_ENTRANT=0"), lookalikes);
    }

    @Test
    void settlingWaitsWhileThingsChangeAndGivesUpAtTheLimit() throws Exception {
        FakeTime time = new FakeTime(T);
        FakeSuiteApi changing = new FakeSuiteApi() {
            int n;

            @Override
            public List<EnforcementView> enforcements(EnforcementStatus status, String accountId) {
                n++;
                return List.of(new EnforcementView("e-" + n, "a", EnforcementAction.REMOVE_AND_WARN.name(),
                        EnforcementStatus.APPLIED.name(), List.of(), Removed.NONE, T, "policy", null));
            }
        };
        Settler.Result r = new Settler(changing, time, time, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(2))
                .settle(List.of());
        assertFalse(r.quiet());
        assertTrue(r.seconds() >= 30 && r.seconds() <= 32, String.valueOf(r.seconds()));
    }

    @Test
    void settlingIsNeverQuietWhileASampleHasNotBeenScoredYet() throws Exception {
        FakeTime time = new FakeTime(T);
        // Nothing changes, but the sample is known only to the ledger: scoring has not reached it (still starting up).
        api.accounts.put("buyer", new AccountView("buyer", AccountStatus.CLEAN.name(), null, null, List.of(), 0, 0, 10, Removed.NONE, null));
        Settler.Result r = new Settler(api, time, time, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(2))
                .settle(List.of("buyer"));
        assertFalse(r.quiet(), "an unscored sample keeps the pipeline from counting as quiet");
        api.accounts.put("buyer", new AccountView("buyer", AccountStatus.SUSPECT.name(), 0.9, "m-1", List.of(), 0, 0, 10, Removed.NONE, null));
        assertTrue(new Settler(api, time, time, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(2)).settle(List.of("buyer"))
                .quiet(), "once scored and unchanged it is quiet");
    }

    private ArchetypeRow row(EvaluationReport r, Archetype a) {
        return r.archetypes().stream().filter(x -> x.archetype().equals(a.name())).findFirst().orElseThrow();
    }

    private static TruthRecord t(String id, Archetype a, String group, long bought) {
        return new TruthRecord(id, a, a.label(), group, bought, "");
    }

    private void account(String id, AccountStatus status, String group, List<String> reasons, long followers) {
        api.accounts.put(id, new AccountView(id, status.name(), 0.5, "m-1", reasons, status.isFlagged() ? 1 : 0, followers, 10,
                Removed.NONE, group));
    }

    private void enforcement(String id, String account, EnforcementStatus status, List<ReceiverImpact> impact) {
        api.enforcements.add(new EnforcementView(id, account, EnforcementAction.REMOVE_AND_WARN.name(), status.name(), List.of(),
                Removed.NONE, T, "policy", null));
        api.impacts.put(id, impact);
    }

    private void inbox(String account, String... kinds) {
        List<NotificationView> messages = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            messages.add(new NotificationView(account + "-n" + i, kinds[i], "t", "b", List.of(), List.of(), "en", T, null));
        }
        api.inboxes.put(account, messages);
    }
}
