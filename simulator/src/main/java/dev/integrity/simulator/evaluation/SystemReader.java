package dev.integrity.simulator.evaluation;

import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.simulator.api.AccountView;
import dev.integrity.simulator.api.EnforcementView;
import dev.integrity.simulator.api.GuardView;
import dev.integrity.simulator.api.HttpSuiteApi;
import dev.integrity.simulator.api.NotificationView;
import dev.integrity.simulator.api.SuiteApi;
import dev.integrity.simulator.model.TruthRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the suite's view of a population: every account, the enforcements (the unfiltered list,
 * each status's list, and each touched account's list, since one list may be capped), the impact
 * of APPLIED and HELD enforcements, the guard, and the inboxes of warned, blocked or enforced
 * accounts. Concurrent, at most {@code concurrency} requests at a time.
 */
public final class SystemReader {

    private final SuiteApi api;
    private final int concurrency;

    public SystemReader(SuiteApi api, int concurrency) {
        this.api = api;
        this.concurrency = Math.max(1, concurrency);
    }

    public SystemView read(List<TruthRecord> truth) throws InterruptedException {
        List<String> notes = new ArrayList<>();
        List<String> ids = truth.stream().map(TruthRecord::accountId).toList();
        Map<String, AccountView> accounts = new LinkedHashMap<>();
        Parallel.map(ids, concurrency, api::account).forEach((id, view) -> view.ifPresent(v -> accounts.put(id, v)));
        if (accounts.size() < ids.size()) {
            notes.add((ids.size() - accounts.size()) + " of " + ids.size() + " accounts are unknown to the suite (404)");
        }

        Map<String, EnforcementView> enforcements = new LinkedHashMap<>();
        api.enforcements(null, null).forEach(e -> enforcements.put(e.id(), e));
        for (EnforcementStatus status : EnforcementStatus.values()) {
            api.enforcements(status, null).forEach(e -> enforcements.put(e.id(), e));
        }
        Set<String> population = Set.copyOf(ids);
        List<String> touched = accounts.values().stream().filter(SystemReader::touched).map(AccountView::accountId).toList();
        Parallel.map(touched, concurrency, id -> api.enforcements(null, id))
                .forEach((id, list) -> list.forEach(e -> enforcements.put(e.id(), e)));
        enforcements.values().removeIf(e -> !population.contains(e.accountId()));

        List<String> withImpact = enforcements.values().stream()
                .filter(e -> e.is(EnforcementStatus.APPLIED) || e.is(EnforcementStatus.HELD)).map(EnforcementView::id).toList();
        Map<String, List<ReceiverImpact>> impacts = Parallel.map(withImpact, concurrency, api::impact);

        GuardView guard = api.guard();

        Set<String> inboxAccounts = new LinkedHashSet<>();
        accounts.values().stream()
                .filter(a -> a.accountStatus() == AccountStatus.WARNED || a.accountStatus() == AccountStatus.BLOCKED)
                .forEach(a -> inboxAccounts.add(a.accountId()));
        enforcements.values().stream().filter(e -> e.is(EnforcementStatus.APPLIED) || e.is(EnforcementStatus.REVERTED))
                .forEach(e -> inboxAccounts.add(e.accountId()));
        Map<String, List<NotificationView>> inboxes = Parallel.map(List.copyOf(inboxAccounts), concurrency, api::notifications);
        String reader = "user";
        if (api instanceof HttpSuiteApi http && http.userTokenProblem() != null) {
            reader = "moderator";
            notes.add("inboxes were read with the moderator token: " + http.userTokenProblem());
        }
        return new SystemView(accounts, enforcements, impacts, guard, inboxes, reader, notes, api.openCases());
    }

    private static boolean touched(AccountView a) {
        return a.accountStatus().isFlagged() || a.strikes() > 0 || a.removed().total() > 0;
    }
}
