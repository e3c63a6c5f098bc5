package dev.integrity.simulator.testing;

import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.simulator.api.AccountView;
import dev.integrity.simulator.api.EnforcementView;
import dev.integrity.simulator.api.GuardView;
import dev.integrity.simulator.api.NotificationView;
import dev.integrity.simulator.api.SuiteApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers like the gateway would, from maps the test fills. */
public class FakeSuiteApi implements SuiteApi {

    public final Map<String, AccountView> accounts = new ConcurrentHashMap<>();
    public final List<EnforcementView> enforcements = new CopyOnWriteArrayList<>();
    public final Map<String, List<ReceiverImpact>> impacts = new ConcurrentHashMap<>();
    public final Map<String, List<NotificationView>> inboxes = new ConcurrentHashMap<>();
    public final List<String> reads = new CopyOnWriteArrayList<>();
    public volatile GuardView guard = new GuardView("CLOSED", null, null);
    /** Caps the unfiltered enforcement list, as the real one may be. */
    public volatile int listCap = Integer.MAX_VALUE;

    @Override
    public Optional<AccountView> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public List<EnforcementView> enforcements(EnforcementStatus status, String accountId) {
        List<EnforcementView> result = new ArrayList<>();
        for (EnforcementView e : enforcements) {
            if ((status == null || e.is(status)) && (accountId == null || accountId.equals(e.accountId()))) {
                result.add(e);
            }
        }
        return status == null && accountId == null ? result.subList(0, Math.min(listCap, result.size())) : result;
    }

    @Override
    public List<ReceiverImpact> impact(String enforcementId) {
        return impacts.getOrDefault(enforcementId, List.of());
    }

    @Override
    public GuardView guard() {
        return guard;
    }

    /** Every held enforcement is a case of its own here. */
    @Override
    public int openCases() {
        return (int) enforcements.stream().filter(e -> e.is(EnforcementStatus.HELD)).count();
    }

    @Override
    public List<NotificationView> notifications(String accountId) {
        return inboxes.getOrDefault(accountId, List.of());
    }

    @Override
    public void markRead(String accountId, String notificationId) {
        reads.add(accountId + "/" + notificationId);
    }
}
