package dev.integrity.scoring.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.integrity.contract.enforcement.Impact;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.repository.AccountStateRepository;
import dev.integrity.scoring.model.GuardDecision;
import dev.integrity.scoring.model.GuardState;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Stops an enforcement, or all of them, before it can do the kind of damage a mass purge does.
 * Per receiving account: hold when, with this enforcement, the account would have lost more than a
 * share of its followers (and at least a floor of them) to enforcements within the loss window; one
 * enforcement removes at most one follower from each account, so a purge only shows summed up.
 * Receivers the system itself holds inauthentic (suspect, warned or blocked: bots of a farm follow
 * each other) are not protected: their followers are the farm's own.
 * Per enforcement: hold when too many receiving accounts would be touched. Globally: a breaker,
 * shared by every replica in Redis, that opens when the removals of a rolling window pass absolute
 * or relative bounds, and then holds every new enforcement until a moderator resumes. Checks of
 * concurrent impacts may each pass a bound that together they overstep, by one follower each.
 */
@ApplicationScoped
public class BlastRadiusGuard {

    private static final Logger LOG = Logger.getLogger(BlastRadiusGuard.class);
    private static final String STATE = "guard:state";
    private static final long MINUTE_MS = 60_000;
    /** The relative bound only counts once this many follows were removed in the window. */
    private static final long RELATIVE_MIN_FOLLOWS = 1000;

    private final Redis redis;
    private final AccountStateRepository states;
    private final ScoringConfig.Guard config;
    private final MeterRegistry registry;

    public BlastRadiusGuard(Redis redis, AccountStateRepository states, ScoringConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.states = states;
        this.config = config.guard();
        this.registry = registry;
    }

    public Uni<GuardState> state() {
        return redis.send(Request.cmd(Command.HGETALL).arg(STATE)).map(BlastRadiusGuard::toState);
    }

    public Uni<GuardState> resume(String moderator) {
        LOG.infof("blast-radius breaker resumed by %s", moderator);
        return redis.send(Request.cmd(Command.DEL).arg(STATE)).replaceWith(GuardState.CLOSED);
    }

    /** Decides for one impact; an impact that would pass the window's bounds opens the breaker. */
    public Uni<GuardDecision> check(Impact impact) {
        return state().chain(state -> {
            if (state.isOpen()) {
                return Uni.createFrom().item(GuardDecision.hold("The blast-radius breaker is open (" + state.reason() + "): every enforcement waits for review"));
            }
            if (impact.receivers().size() > config.maxReceivers()) {
                registry.counter("scoring.guard.holds", "reason", "receivers").increment();
                return Uni.createFrom().item(GuardDecision.hold(
                        "Would touch " + impact.receivers().size() + " receiving accounts (bound " + config.maxReceivers() + ")"));
            }
            return followerLossReason(impact).chain(reason -> {
                if (reason != null) {
                    registry.counter("scoring.guard.holds", "reason", "follower-loss").increment();
                    return Uni.createFrom().item(GuardDecision.hold(reason));
                }
                return breakerCheck(impact);
            });
        });
    }

    private Uni<GuardDecision> breakerCheck(Impact impact) {
        return windowTotals().chain(totals -> {
            long removals = totals[0] + impact.removed().total();
            long follows = totals[1] + impact.removed().follows();
            long followersBefore = totals[2] + impact.receivers().stream().mapToLong(ReceiverImpact::followersBefore).sum();
            String breach = null;
            if (removals > config.maxRemovalsPerWindow()) {
                breach = removals + " removals within " + config.window().toMinutes() + " min (bound " + config.maxRemovalsPerWindow() + ")";
            } else if (follows >= RELATIVE_MIN_FOLLOWS && followersBefore > 0
                    && (double) follows / followersBefore > config.maxRelativeRemovals()) {
                breach = String.format(Locale.ROOT, "%d follows removed within %d min, %.1f%% of the touched accounts' followers (bound %.1f%%)",
                        follows, config.window().toMinutes(), 100.0 * follows / followersBefore, 100 * config.maxRelativeRemovals());
            }
            if (breach != null) {
                registry.counter("scoring.guard.trips").increment();
                return open(breach).replaceWith(GuardDecision.hold("This enforcement would have " + breach + "; the breaker is now open"));
            }
            return Uni.createFrom().item(GuardDecision.APPLY);
        });
    }

    /** Counts an applied impact into the rolling window and into each receiver's losses. */
    public Uni<Void> record(Impact impact) {
        long minute = System.currentTimeMillis() / MINUTE_MS;
        long ttl = config.window().toSeconds() + 120;
        long followersBefore = impact.receivers().stream().mapToLong(ReceiverImpact::followersBefore).sum();
        List<Request> requests = new ArrayList<>(List.of(
                Request.cmd(Command.HINCRBY).arg(windowKey(minute)).arg("removals").arg(impact.removed().total()),
                Request.cmd(Command.HINCRBY).arg(windowKey(minute)).arg("follows").arg(impact.removed().follows()),
                Request.cmd(Command.HINCRBY).arg(windowKey(minute)).arg("followers").arg(followersBefore),
                Request.cmd(Command.EXPIRE).arg(windowKey(minute)).arg(ttl)));
        for (ReceiverImpact r : losing(impact)) {
            String key = lossKey(r.accountId());
            requests.add(Request.cmd(Command.HINCRBY).arg(key).arg("lost").arg(r.followersBefore() - r.followersAfter()));
            requests.add(Request.cmd(Command.EXPIRE).arg(key).arg(config.lossWindow().toSeconds()).arg("NX"));
        }
        return RedisBatches.send(redis, requests).replaceWithVoid();
    }

    /** The first receiver that would have lost too many of its followers within the loss window, or null. */
    private Uni<String> followerLossReason(Impact impact) {
        List<ReceiverImpact> candidates = losing(impact);
        if (candidates.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return states.load(candidates.stream().map(ReceiverImpact::accountId).toList()).chain(known -> {
            List<ReceiverImpact> protectedReceivers = candidates.stream()
                    .filter(r -> !known.containsKey(r.accountId()) || known.get(r.accountId()).isClean()).toList();
            return protectedReceivers.isEmpty() ? Uni.createFrom().nullItem() : cumulativeLoss(protectedReceivers);
        });
    }

    private Uni<String> cumulativeLoss(List<ReceiverImpact> losing) {
        List<Request> requests = losing.stream().map(r -> Request.cmd(Command.HGET).arg(lossKey(r.accountId())).arg("lost")).toList();
        return RedisBatches.send(redis, requests).map(responses -> {
            for (int i = 0; i < losing.size(); i++) {
                ReceiverImpact r = losing.get(i);
                long earlier = responses.get(i) == null ? 0 : responses.get(i).toLong();
                // What the account would have without the window's enforcements: its followers now and those removed.
                long base = r.followersBefore() + earlier;
                long lost = earlier + r.followersBefore() - r.followersAfter();
                if (base > 0 && lost >= config.minFollowerLoss() && (double) lost / base > config.maxFollowerLossShare()) {
                    return String.format(Locale.ROOT, "Would cut %s's followers by %.0f%% within %d h (%d of %d removed by enforcements; bound %.0f%%)",
                            r.accountId(), 100.0 * lost / base, config.lossWindow().toHours(), lost, base, 100 * config.maxFollowerLossShare());
                }
            }
            return null;
        });
    }

    private static List<ReceiverImpact> losing(Impact impact) {
        return impact.receivers().stream().filter(r -> r.followersBefore() > r.followersAfter()).toList();
    }

    private Uni<long[]> windowTotals() {
        long now = System.currentTimeMillis() / MINUTE_MS;
        long minutes = Math.max(1, config.window().toMinutes());
        List<Request> requests = new ArrayList<>();
        for (long m = now - minutes + 1; m <= now; m++) {
            requests.add(Request.cmd(Command.HMGET).arg(windowKey(m)).arg("removals").arg("follows").arg("followers"));
        }
        return redis.batch(requests).map(responses -> {
            long[] totals = new long[3];
            for (Response r : responses) {
                for (int i = 0; i < 3; i++) {
                    if (r != null && r.get(i) != null) {
                        totals[i] += r.get(i).toLong();
                    }
                }
            }
            return totals;
        });
    }

    private Uni<Void> open(String reason) {
        LOG.warnf("blast-radius breaker opened: %s", reason);
        return redis.send(Request.cmd(Command.HSET).arg(STATE).arg("state").arg("OPEN").arg("reason").arg(reason)
                .arg("openedAt").arg(Instant.now().toString())).replaceWithVoid();
    }

    private static String windowKey(long minute) {
        return "guard:window:" + minute;
    }

    private static String lossKey(String receiver) {
        return "guard:loss:{" + receiver + "}";
    }

    private static GuardState toState(Response hash) {
        if (hash == null || hash.size() == 0 || !hash.containsKey("state")) {
            return GuardState.CLOSED;
        }
        return new GuardState(hash.get("state").toString(), hash.containsKey("reason") ? hash.get("reason").toString() : null,
                hash.containsKey("openedAt") ? Instant.parse(hash.get("openedAt").toString()) : null);
    }
}
