package dev.integrity.simulator.followup;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Account;
import dev.integrity.simulator.model.Addresses;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.model.Seeds;
import dev.integrity.simulator.traffic.EventIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The answers of warned accounts, with current timestamps: a persistent buyer's app keeps following
 * and liking strangers; a complier changes its password and revokes the named apps.
 */
public final class FollowUpTraffic {

    private final Population population;
    private final EventIds ids;

    public FollowUpTraffic(Population population, EventIds ids) {
        this.population = population;
        this.ids = ids;
    }

    /**
     * {@code size} follows and likes through the account's app, spread over the seconds before
     * {@code now} but after {@code notBefore} (the warning).
     */
    public List<AccountEvent> keepEngaging(Account account, int size, int round, Instant notBefore, Instant now) {
        SplittableRandom r = Seeds.random(population.seed(), Seeds.stream("follow-up"), account.index(), round);
        String app = account.app();
        String ip = Addresses.appServer(app, account.index());
        Instant first = latest(notBefore.plusMillis(1), now.minus(Duration.ofSeconds(size)));
        long stepMillis = Math.max(1, Duration.between(first, now).toMillis() / Math.max(1, size));
        List<AccountEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Instant at = first.plusMillis(i * stepMillis);
            Account target = stranger(account, r);
            long media = target.profile().mediaCount();
            if (media > 0 && r.nextDouble() < 0.4) {
                String mediaId = target.id() + "-p" + (media - 1 - r.nextInt((int) Math.min(media, 10)));
                events.add(new AccountEvent(ids.next(), EventType.LIKE, account.id(), at, app, ip, null, target.id(), mediaId, null,
                        null, null));
            } else {
                events.add(new AccountEvent(ids.next(), EventType.FOLLOW, account.id(), at, app, ip, null, target.id(), null, null, null,
                        null));
            }
        }
        return events;
    }

    /** PASSWORD_CHANGED, then APP_REVOKED for each app named in the warning (and its own app), from its phone. */
    public List<AccountEvent> comply(Account account, List<String> namedApps, Instant now) {
        long h = Seeds.mix(population.seed(), Seeds.stream("address"), account.index());
        String ip = Addresses.residential(h);
        String device = Addresses.device(account.clientApp(), h);
        Set<String> apps = new LinkedHashSet<>(namedApps);
        if (account.app() != null) {
            apps.add(account.app());
        }
        List<AccountEvent> events = new ArrayList<>();
        Instant at = now.minusMillis(apps.size() + 1L);
        events.add(new AccountEvent(ids.next(), EventType.PASSWORD_CHANGED, account.id(), at, account.clientApp(), ip, device, null,
                null, null, null, null));
        for (String app : apps) {
            at = at.plusMillis(1);
            events.add(new AccountEvent(ids.next(), EventType.APP_REVOKED, account.id(), at, account.clientApp(), ip, device, null, null,
                    null, app, null));
        }
        return events;
    }

    private Account stranger(Account account, SplittableRandom r) {
        int n = population.size();
        int index = r.nextInt(n - 1);
        return population.account(index >= account.index() ? index + 1 : index);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
