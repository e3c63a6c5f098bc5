package dev.integrity.scoring.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.integrity.contract.enforcement.Impact;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.scoring.decision.GuardRules;
import dev.integrity.scoring.decision.GuardRules.LossSoFar;
import dev.integrity.scoring.decision.GuardRules.WindowTotals;
import dev.integrity.scoring.model.AccountState;
import dev.integrity.scoring.model.GuardDecision;
import dev.integrity.scoring.model.GuardState;
import dev.integrity.scoring.repository.AccountStateRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ExpireArgs;
import io.quarkus.redis.datasource.transactions.ReactiveTransactionalRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * The Redis adapter of the blast-radius guard ({@link GuardRules} holds the rules). The breaker's
 * state, the rolling window's removals and each receiver's losses live in Redis, shared by every
 * replica. A decision reads a receiver's losses and reserves this enforcement's in one optimistic
 * transaction (WATCH on the receivers' loss keys, MULTI, EXEC): if another decision changed one of
 * those receivers meanwhile, nothing is written and the decision is taken again on fresh numbers.
 * So concurrent decisions never take a receiver past its bound. The breaker's window totals are
 * read without a watch: a concurrent decision may overstep the breaker's bound by one enforcement.
 */
@ApplicationScoped
public class BlastRadiusGuard {

    private static final Logger LOG = Logger.getLogger(BlastRadiusGuard.class);
    private static final long MINUTE_MS = 60_000;
    private static final int MAX_ATTEMPTS = 200;

    private final ReactiveRedisDataSource redis;
    private final AccountStateRepository states;
    private final GuardRules rules;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Counter conflicts;

    /** Another decision changed a receiver between the read and the reservation. */
    static final class ReservationConflict extends RuntimeException {
        ReservationConflict() {
            super("a receiver's losses changed during the decision", null, false, false);
        }
    }

    public BlastRadiusGuard(ReactiveRedisDataSource redis, AccountStateRepository states, GuardRules rules, Clock clock, MeterRegistry registry) {
        this.redis = redis;
        this.states = states;
        this.rules = rules;
        this.clock = clock;
        this.registry = registry;
        this.conflicts = registry.counter("scoring.guard.reservation.conflicts");
    }

    public Uni<GuardState> state() {
        return strings(redis).hgetall(RedisKeys.GUARD_STATE).map(BlastRadiusGuard::toState);
    }

    public Uni<GuardState> resume(String moderator) {
        LOG.infof("blast-radius breaker resumed by %s", moderator);
        return redis.key().del(RedisKeys.GUARD_STATE).replaceWith(GuardState.CLOSED);
    }

    /**
     * Decides for one impact; an applied one has its receivers' losses and the window's removals
     * reserved already; one that would pass the window's bounds opens the breaker.
     */
    public Uni<GuardDecision> check(Impact impact) {
        List<ReceiverImpact> losing = GuardRules.losing(impact);
        Uni<Set<String>> unprotected = losing.isEmpty() ? Uni.createFrom().item(Set.of())
                : states.load(losing.stream().map(ReceiverImpact::accountId).toList()).map(BlastRadiusGuard::flagged);
        return unprotected.chain(skip -> decideAndReserve(impact, skip)
                .onFailure(ReservationConflict.class).invoke(failure -> conflicts.increment())
                .onFailure(ReservationConflict.class).retry().withBackOff(Duration.ofMillis(2), Duration.ofMillis(50)).atMost(MAX_ATTEMPTS))
                .call(decision -> {
                    registry.counter("scoring.guard.decisions", "cause", decision.cause().label()).increment();
                    return decision.opensBreaker() == null ? Uni.createFrom().voidItem() : open(decision.opensBreaker());
                });
    }

    private Uni<GuardDecision> decideAndReserve(Impact impact, Set<String> unprotected) {
        List<ReceiverImpact> guarded = GuardRules.protectedLosing(impact, unprotected);
        String[] watched = guarded.stream().map(r -> RedisKeys.guardLoss(r.accountId())).toArray(String[]::new);
        long minute = clock.millis() / MINUTE_MS;
        if (watched.length == 0) {
            // No protected receiver loses a follower: nothing to reserve, only the window to count.
            return read(redis, guarded, minute).map(read -> rules.decide(read.breaker(), impact, unprotected, read.losses(), read.totals()))
                    .call(decision -> decision.apply()
                            ? redis.withTransaction(tx -> Uni.join().all(windowCounts(tx.hash(String.class, String.class, Long.class), tx.key(), impact,
                                    minute)).andFailFast().replaceWithVoid())
                            : Uni.createFrom().voidItem());
        }
        return redis.withTransaction(
                ds -> read(ds, guarded, minute).map(read -> rules.decide(read.breaker(), impact, unprotected, read.losses(), read.totals())),
                (decision, tx) -> decision.apply() ? reserve(tx, impact, decision.reservations(), guarded, minute) : tx.discard(),
                watched)
                .map(result -> {
                    GuardDecision decision = result.getPreTransactionResult();
                    if (decision.apply() && result.discarded()) {
                        throw new ReservationConflict();
                    }
                    return decision;
                });
    }

    private record Read(GuardState breaker, Map<String, LossSoFar> losses, WindowTotals totals) {
    }

    private Uni<Read> read(ReactiveRedisDataSource ds, List<ReceiverImpact> guarded, long minute) {
        ReactiveHashCommands<String, String, String> hashes = strings(ds);
        List<Uni<Map.Entry<String, Map<String, String>>>> losses = guarded.stream()
                .map(r -> hashes.hgetall(RedisKeys.guardLoss(r.accountId())).map(h -> Map.entry(r.accountId(), h))).toList();
        List<Uni<Map<String, String>>> window = new ArrayList<>();
        for (long m = minute - Math.max(1, rules.settings().window().toMinutes()) + 1; m <= minute; m++) {
            window.add(hashes.hgetall(RedisKeys.guardWindow(m)));
        }
        Uni<List<Map.Entry<String, Map<String, String>>>> lossMaps = losses.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(losses).andFailFast();
        return Uni.combine().all().unis(hashes.hgetall(RedisKeys.GUARD_STATE), lossMaps, Uni.join().all(window).andFailFast())
                .with((state, lossHashes, windowHashes) -> new Read(toState(state), lossesSoFar(lossHashes), windowTotals(windowHashes)));
    }

    /** The receivers that lost followers already (hash fields lost, and base from the first loss). */
    private static Map<String, LossSoFar> lossesSoFar(List<Map.Entry<String, Map<String, String>>> byReceiver) {
        Map<String, LossSoFar> so = new HashMap<>();
        for (Map.Entry<String, Map<String, String>> receiver : byReceiver) {
            Map<String, String> h = receiver.getValue();
            if (h.containsKey("lost")) {
                so.put(receiver.getKey(), new LossSoFar(Long.parseLong(h.get("lost")), h.containsKey("base") ? Long.valueOf(h.get("base")) : null));
            }
        }
        return so;
    }

    /** The window's minutes summed (hash fields removals, follows, followers). */
    private static WindowTotals windowTotals(List<Map<String, String>> minutes) {
        long removals = 0;
        long follows = 0;
        long followers = 0;
        for (Map<String, String> h : minutes) {
            removals += Long.parseLong(h.getOrDefault("removals", "0"));
            follows += Long.parseLong(h.getOrDefault("follows", "0"));
            followers += Long.parseLong(h.getOrDefault("followers", "0"));
        }
        return new WindowTotals(removals, follows, followers);
    }

    /**
     * Within the transaction: each protected receiver's loss (and its baseline, at its first loss), and
     * the window's removals. The commands are queued side by side, not chained one after another: an
     * enforcement may touch thousands of receivers, and each queued command completes at once, so a
     * chain that deep overflows the stack.
     */
    private Uni<Void> reserve(ReactiveTransactionalRedisDataSource tx, Impact impact, Map<String, Long> reservations, List<ReceiverImpact> guarded,
            long minute) {
        var hashes = tx.hash(String.class, String.class, Long.class);
        var keys = tx.key();
        long lossTtl = rules.settings().lossWindow().toSeconds();
        List<Uni<Void>> commands = new ArrayList<>(windowCounts(hashes, keys, impact, minute));
        for (ReceiverImpact r : guarded) {
            Long loss = reservations.get(r.accountId());
            if (loss != null) {
                String key = RedisKeys.guardLoss(r.accountId());
                commands.add(hashes.hsetnx(key, "base", r.followersBefore()));
                commands.add(hashes.hincrby(key, "lost", loss));
                commands.add(keys.expire(key, lossTtl, new ExpireArgs().nx()));
            }
        }
        return Uni.join().all(commands).andFailFast().replaceWithVoid();
    }

    private List<Uni<Void>> windowCounts(io.quarkus.redis.datasource.hash.ReactiveTransactionalHashCommands<String, String, Long> hashes,
            io.quarkus.redis.datasource.keys.ReactiveTransactionalKeyCommands<String> keys, Impact impact, long minute) {
        String key = RedisKeys.guardWindow(minute);
        long followersBefore = impact.receivers().stream().mapToLong(ReceiverImpact::followersBefore).sum();
        return List.of(hashes.hincrby(key, "removals", impact.removed().total()), hashes.hincrby(key, "follows", impact.removed().follows()),
                hashes.hincrby(key, "followers", followersBefore), keys.expire(key, rules.settings().window().toSeconds() + 120));
    }

    /**
     * Counts an impact a moderator approved into the window and every protected receiver's losses,
     * unconditionally (the moderator decided past the bound): later automatic decisions see it.
     */
    public Uni<Void> record(Impact impact) {
        List<ReceiverImpact> losing = GuardRules.losing(impact);
        Map<String, Long> all = new HashMap<>();
        losing.forEach(r -> all.put(r.accountId(), GuardRules.loss(r)));
        long minute = clock.millis() / MINUTE_MS;
        return redis.withTransaction(tx -> reserve(tx, impact, all, losing, minute)).replaceWithVoid();
    }

    private Uni<Void> open(String reason) {
        LOG.warnf("blast-radius breaker opened: %s", reason);
        return strings(redis).hset(RedisKeys.GUARD_STATE, Map.of("state", GuardState.Breaker.OPEN.name(), "reason", reason,
                "openedAt", Instant.now(clock).toString())).replaceWithVoid();
    }

    private static Set<String> flagged(Map<String, AccountState> known) {
        Set<String> flagged = new HashSet<>();
        known.forEach((id, state) -> {
            if (state.status().isFlagged()) {
                flagged.add(id);
            }
        });
        return flagged;
    }

    private static ReactiveHashCommands<String, String, String> strings(ReactiveRedisDataSource ds) {
        return ds.hash(String.class, String.class, String.class);
    }

    private static GuardState toState(Map<String, String> hash) {
        if (hash == null || !hash.containsKey("state")) {
            return GuardState.CLOSED;
        }
        return new GuardState(GuardState.Breaker.valueOf(hash.get("state")), hash.get("reason"),
                hash.containsKey("openedAt") ? Instant.parse(hash.get("openedAt")) : null);
    }
}
