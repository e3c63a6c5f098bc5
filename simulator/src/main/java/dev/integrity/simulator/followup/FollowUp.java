package dev.integrity.simulator.followup;

import dev.integrity.contract.AccountEvent;
import dev.integrity.simulator.api.NotificationView;
import dev.integrity.simulator.api.SuiteApi;
import dev.integrity.simulator.model.Account;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.send.Sleeper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase 2, "after warnings": each PERSISTENT and COMPLIER account watches its own inbox (with its
 * user token) and answers its warnings the way such users do. A persistent buyer's app goes on
 * engaging after each warning (a burst, enough to reach the next strike), until the account is
 * blocked; a complier changes its password, revokes the named apps, reads the warning, and stops.
 * The phase ends when every such account is done or its time is up.
 */
public record FollowUp(Population population, SuiteApi api, FollowUpTraffic traffic, EventSink sink, Options options, Clock clock, Sleeper sleeper, PrintWriter log) {

    /** Sends events (e.g. through the {@code Sender}). */
    @FunctionalInterface
    public interface EventSink {
        void send(List<AccountEvent> events);
    }

    /**
     * @param duration    how long to watch and answer
     * @param pollEvery   how often each inbox is read
     * @param burstSize   actions a persistent buyer's app performs after each warning
     * @param concurrency inboxes read at once
     */
    public record Options(Duration duration, Duration pollEvery, int burstSize, int concurrency) {

        public static Options defaults(Duration duration) {
            return new Options(duration, Duration.ofSeconds(2), 20, 8);
        }
    }

    private static final int MAX_FAILURES = 5;
    private static final Duration STATUS_EVERY = Duration.ofSeconds(10);

    public FollowUpReport run() throws InterruptedException {
        List<Watch> watches = population.accounts().stream().filter(a -> a.archetype().reactsToWarnings()).map(Watch::new).toList();
        if (watches.isEmpty() || options.duration().isZero() || options.duration().isNegative()) {
            return FollowUpReport.skipped();
        }
        Instant start = clock.instant();
        Instant deadline = start.plus(options.duration());
        Instant nextStatus = start.plus(STATUS_EVERY);
        AtomicLong sent = new AtomicLong();
        boolean allDone = false;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore slots = new Semaphore(options.concurrency());
            while (true) {
                List<Watch> pending = watches.stream().filter(w -> !w.done).toList();
                if (pending.isEmpty()) {
                    allDone = true;
                    break;
                }
                if (!clock.instant().isBefore(deadline)) {
                    break;
                }
                List<Future<?>> round = new ArrayList<>();
                for (Watch w : pending) {
                    round.add(pool.submit(() -> {
                        slots.acquireUninterruptibly();
                        try {
                            check(w, sent);
                        } finally {
                            slots.release();
                        }
                    }));
                }
                for (Future<?> f : round) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("follow-up failed: " + e.getCause().getMessage(), e.getCause());
                    }
                }
                Instant now = clock.instant();
                if (!now.isBefore(nextStatus)) {
                    nextStatus = now.plus(STATUS_EVERY);
                    log.println(status(watches, Duration.between(now, deadline)));
                }
                Duration left = Duration.between(now, deadline);
                if (watches.stream().anyMatch(w -> !w.done) && !left.isNegative()) {
                    sleeper.sleep(left.compareTo(options.pollEvery()) < 0 ? left : options.pollEvery());
                }
            }
        }
        return report(watches, sent.get(), Duration.between(start, clock.instant()), allDone);
    }

    private void check(Watch w, AtomicLong sent) {
        List<NotificationView> inbox;
        try {
            inbox = api.notifications(w.account.id());
        } catch (RuntimeException e) {
            w.problem = e.getMessage();
            w.done = ++w.failures >= MAX_FAILURES;
            return;
        }
        List<NotificationView> fresh = inbox.stream().filter(n -> n.isWarning() && !w.answered.contains(n.id())).toList();
        if (w.account.archetype() == Archetype.PERSISTENT) {
            if (inbox.stream().anyMatch(n -> NotificationView.BLOCKED.equals(n.kind()))) {
                w.blocked = true;
                w.done = true;
                return;
            }
            if (!fresh.isEmpty()) {
                w.warned = true;
                fresh.forEach(n -> w.answered.add(n.id()));
                Instant warnedAt = fresh.stream().map(NotificationView::createdAt).filter(java.util.Objects::nonNull)
                        .max(Instant::compareTo).orElse(clock.instant().minusSeconds(60));
                List<AccountEvent> burst = traffic.keepEngaging(w.account, options.burstSize(), w.bursts, warnedAt, clock.instant());
                sink.send(burst);
                sent.addAndGet(burst.size());
                w.bursts++;
            }
        } else if (!fresh.isEmpty()) {
            w.warned = true;
            Set<String> apps = new LinkedHashSet<>();
            fresh.forEach(n -> apps.addAll(n.apps()));
            List<AccountEvent> answer = traffic.comply(w.account, List.copyOf(apps), clock.instant());
            sink.send(answer);
            sent.addAndGet(answer.size());
            for (NotificationView n : fresh) {
                w.answered.add(n.id());
                try {
                    api.markRead(w.account.id(), n.id());
                } catch (RuntimeException e) {
                    w.problem = "could not mark " + n.id() + " read: " + e.getMessage();
                }
            }
            w.complied = true;
            w.done = true;
        }
    }

    private static String status(List<Watch> watches, Duration left) {
        long persistent = watches.stream().filter(w -> w.account.archetype() == Archetype.PERSISTENT).count();
        long warned = watches.stream().filter(w -> w.account.archetype() == Archetype.PERSISTENT && w.warned).count();
        long blocked = watches.stream().filter(w -> w.blocked).count();
        long compliers = watches.size() - persistent;
        long complied = watches.stream().filter(w -> w.complied).count();
        return String.format(Locale.ROOT, "follow-up: PERSISTENT %d/%d warned, %d blocked; COMPLIER %d/%d complied; %d s left",
                warned, persistent, blocked, complied, compliers, Math.max(0, left.toSeconds()));
    }

    private static FollowUpReport report(List<Watch> watches, long sent, Duration took, boolean allDone) {
        int persistent = 0;
        int persistentWarned = 0;
        int bursts = 0;
        int blocked = 0;
        int compliers = 0;
        int compliersWarned = 0;
        int complied = 0;
        List<String> unreachable = new ArrayList<>();
        for (Watch w : watches) {
            if (w.account.archetype() == Archetype.PERSISTENT) {
                persistent++;
                persistentWarned += w.warned ? 1 : 0;
                bursts += w.bursts;
                blocked += w.blocked ? 1 : 0;
            } else {
                compliers++;
                compliersWarned += w.warned ? 1 : 0;
                complied += w.complied ? 1 : 0;
            }
            if (w.problem != null && unreachable.size() < 5) {
                unreachable.add(w.account.id() + ": " + w.problem);
            }
        }
        return new FollowUpReport(persistent, persistentWarned, bursts, blocked, compliers, compliersWarned, complied, sent,
                took.toMillis() / 1000.0, allDone, unreachable);
    }

    /** One account being watched. Touched by one task at a time. */
    private static final class Watch {
        final Account account;
        final Set<String> answered = new HashSet<>();
        volatile boolean done;
        volatile boolean warned;
        volatile boolean blocked;
        volatile boolean complied;
        volatile int bursts;
        volatile int failures;
        volatile String problem;

        Watch(Account account) {
            this.account = account;
        }
    }
}
