package dev.integrity.simulator.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventType;
import dev.integrity.contract.EventValidator;
import dev.integrity.simulator.api.NotificationView;
import dev.integrity.simulator.model.Account;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.testing.FakeSuiteApi;
import dev.integrity.simulator.testing.FakeTime;
import dev.integrity.simulator.traffic.EventIds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    /** A suite that warns everyone after 5 s, and moves persistent accounts up the ladder on each burst. */
    static final class Ladder extends FakeSuiteApi {
        final FakeTime time;
        final Population population;
        final Map<String, Integer> strikes = new ConcurrentHashMap<>();

        Ladder(FakeTime time, Population population) {
            this.time = time;
            this.population = population;
        }

        @Override
        public List<NotificationView> notifications(String accountId) {
            if (time.instant().isBefore(T.plusSeconds(5))) {
                return List.of();
            }
            Account a = population.accounts().stream().filter(x -> x.id().equals(accountId)).findFirst().orElseThrow();
            int strike = strikes.getOrDefault(accountId, 1);
            List<NotificationView> inbox = new ArrayList<>();
            String[] kinds = {NotificationView.WARNING, NotificationView.FINAL_WARNING, NotificationView.BLOCKED};
            for (int s = 0; s < Math.min(strike, 3); s++) {
                inbox.add(new NotificationView(accountId + "-" + s, kinds[s], "t", "b", List.of("CHANGE_PASSWORD"), List.of(a.app()), "en",
                        T.plusSeconds(5 + s), null));
            }
            Collections.reverse(inbox); // newest first
            return inbox;
        }

        void engaged(String accountId) {
            strikes.compute(accountId, (k, v) -> v == null ? 2 : v + 1);
        }
    }

    @Test
    void persistentBuyersKeepEngagingUntilBlockedAndCompliersComply() throws Exception {
        Population population = Population.generate(77, 300, T.minusSeconds(3600));
        FakeTime time = new FakeTime(T);
        Ladder api = new Ladder(time, population);
        List<AccountEvent> sent = Collections.synchronizedList(new ArrayList<>());
        FollowUp phase = new FollowUp(population, api, new FollowUpTraffic(population, new EventIds(77, 5_000)), events -> {
            sent.addAll(events);
            events.stream().filter(e -> e.type() == EventType.FOLLOW || e.type() == EventType.LIKE).map(AccountEvent::accountId).distinct()
                    .forEach(api::engaged);
        }, FollowUp.Options.defaults(Duration.ofSeconds(60)), time, time, new PrintWriter(new StringWriter()));

        FollowUpReport report = phase.run();

        List<Account> persistent = population.accounts().stream().filter(a -> a.archetype() == Archetype.PERSISTENT).toList();
        List<Account> compliers = population.accounts().stream().filter(a -> a.archetype() == Archetype.COMPLIER).toList();
        assertFalse(persistent.isEmpty() || compliers.isEmpty());
        assertTrue(report.finishedEarly(), report.summary());
        assertEquals(persistent.size(), report.persistentWarned());
        assertEquals(persistent.size(), report.persistentBlocked());
        assertEquals(2 * persistent.size(), report.bursts(), "one burst after the warning, one after the final warning");
        assertEquals(compliers.size(), report.compliersComplied());
        assertEquals(sent.size(), report.eventsSent());

        Map<String, List<AccountEvent>> byAccount = sent.stream().collect(Collectors.groupingBy(AccountEvent::accountId));
        for (Account p : persistent) {
            List<AccountEvent> own = byAccount.get(p.id());
            assertEquals(2 * FollowUp.Options.defaults(Duration.ZERO).burstSize(), own.size());
            own.forEach(e -> {
                assertEquals(p.app(), e.clientAppId(), "through the same app");
                assertTrue(e.type() == EventType.FOLLOW || e.type() == EventType.LIKE);
                assertTrue(e.occurredAt().isAfter(T.plusSeconds(5)), "after the warning");
                assertFalse(e.occurredAt().isAfter(time.instant()), "never in the future");
            });
        }
        for (Account c : compliers) {
            List<AccountEvent> own = byAccount.get(c.id());
            assertEquals(List.of(EventType.PASSWORD_CHANGED, EventType.APP_REVOKED), own.stream().map(AccountEvent::type).toList());
            assertEquals(c.app(), own.get(1).appId());
            assertTrue(api.reads.contains(c.id() + "/" + c.id() + "-0"), "the warning was read");
        }
        EventValidator validator = new EventValidator(java.time.Clock.fixed(time.instant(), ZoneOffset.UTC));
        for (AccountEvent e : sent) {
            assertTrue(validator.validate(EventJson.mapper().readTree(EventJson.toBytes(e))).isValid(), EventJson.toJson(e));
            assertTrue(e.eventId().startsWith("sim-77-"));
        }
        assertEquals(sent.size(), sent.stream().map(AccountEvent::eventId).distinct().count());
    }

    @Test
    void withoutWarningsNothingIsSentAndTheTimeRunsOut() throws Exception {
        Population population = Population.generate(78, 300, T);
        FakeTime time = new FakeTime(T);
        List<AccountEvent> sent = new ArrayList<>();
        FollowUpReport report = new FollowUp(population, new FakeSuiteApi(), new FollowUpTraffic(population, new EventIds(78)), sent::addAll,
                FollowUp.Options.defaults(Duration.ofSeconds(20)), time, time, new PrintWriter(new StringWriter())).run();
        assertTrue(sent.isEmpty());
        assertFalse(report.finishedEarly());
        assertEquals(0, report.persistentWarned());
        assertTrue(Duration.between(T, time.instant()).toSeconds() >= 20);
    }
}
