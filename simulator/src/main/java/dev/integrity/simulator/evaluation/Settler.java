package dev.integrity.simulator.evaluation;

import dev.integrity.simulator.api.AccountView;
import dev.integrity.simulator.api.EnforcementView;
import dev.integrity.simulator.api.SuiteApi;
import dev.integrity.simulator.send.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Waits until the pipeline is quiet: the enforcement list (ids and statuses) and a few sample
 * accounts (status, strikes, follower count) have not changed for {@code quietFor}, at most
 * {@code max}. The samples catch a pipeline still ingesting when nothing has been enforced yet;
 * while a sample has not been scored at all (scoring is still starting, or catching up after a
 * rebalance), nothing counts as quiet.
 */
public record Settler(SuiteApi api, Clock clock, Sleeper sleeper, Duration quietFor, Duration max, Duration pollEvery) {

    /** @param quiet false when {@code max} ran out first */
    public record Result(boolean quiet, double seconds, int enforcements) {
    }

    public Result settle(List<String> sampleAccounts) throws InterruptedException {
        Instant start = clock.instant();
        String last = null;
        Instant lastChange = start;
        int enforcements = 0;
        while (true) {
            List<EnforcementView> list = api.enforcements(null, null);
            enforcements = list.size();
            Signature seen = signature(list, sampleAccounts);
            String signature = seen.text();
            Instant now = clock.instant();
            if (!signature.equals(last) || seen.unscored() > 0) {
                last = signature;
                lastChange = now;
            } else if (!Duration.between(lastChange, now).minus(quietFor).isNegative()) {
                return new Result(true, seconds(start, now), enforcements);
            }
            if (!Duration.between(start, now).minus(max).isNegative()) {
                return new Result(false, seconds(start, now), enforcements);
            }
            sleeper.sleep(pollEvery);
        }
    }

    private record Signature(String text, int unscored) {
    }

    private Signature signature(List<EnforcementView> list, List<String> samples) {
        StringBuilder b = new StringBuilder();
        int unscored = 0;
        list.stream().sorted(Comparator.comparing(EnforcementView::id)).forEach(e -> b.append(e.id()).append('=').append(e.status()).append(';'));
        for (String id : samples) {
            Optional<AccountView> a = api.account(id);
            b.append('|').append(id).append(a.map(v -> v.status() + "/" + v.strikes() + "/" + v.followerCount() + "/" + v.removed().total())
                    .orElse("-"));
            unscored += a.isEmpty() || a.get().modelVersion() == null ? 1 : 0;
        }
        return new Signature(b.toString(), unscored);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
