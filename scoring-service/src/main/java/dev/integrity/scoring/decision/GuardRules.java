package dev.integrity.scoring.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.integrity.contract.enforcement.Impact;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.scoring.model.GuardDecision;
import dev.integrity.scoring.model.GuardState;

/**
 * The blast-radius guard's rules: nothing the suite decides may do what a mass purge does.
 * <ol>
 * <li>While the global breaker is open, every enforcement is held.</li>
 * <li>Per enforcement: touching more than maxReceivers receiving accounts is held.</li>
 * <li>Per protected receiver (every receiver the suite does not itself hold inauthentic: a farm's
 * bots follow each other, and their followers are the farm's own): with this enforcement, its
 * losses to enforcements within the loss window may not pass maxFollowerLossShare of its baseline
 * (its followers before the window's first loss), once they reach minFollowerLoss. The bound is
 * hard: the adapter reserves the answer's {@link GuardDecision#reservations()} atomically with the
 * check, so concurrent decisions never take a receiver past it.</li>
 * <li>Globally: when the window's removals, with this one, pass maxRemovalsPerWindow, or the removed
 * follows pass maxRelativeRemovals of the touched receivers' followers (from relativeMinFollows
 * on), the breaker opens and this enforcement is held.</li>
 * </ol>
 */
public final class GuardRules {

    /** What a receiver already lost within the loss window, and its baseline (null: no loss yet). */
    public record LossSoFar(long lost, Long baseline) {
        public static final LossSoFar NONE = new LossSoFar(0, null);
    }

    /** Removals in the breaker's rolling window so far. */
    public record WindowTotals(long removals, long follows, long followersBefore) {
        public static final WindowTotals NONE = new WindowTotals(0, 0, 0);
    }

    private final GuardSettings settings;

    public GuardRules(GuardSettings settings) {
        this.settings = settings;
    }

    public GuardSettings settings() {
        return settings;
    }

    /**
     * Decides for one impact.
     *
     * @param breaker the global breaker now
     * @param unprotected receivers the suite holds inauthentic (not protected by the loss bound)
     * @param lossSoFar per losing receiver, what it lost within the loss window (absent: nothing)
     * @param totals the breaker window's removals so far
     */
    public GuardDecision decide(GuardState breaker, Impact impact, Set<String> unprotected, Map<String, LossSoFar> lossSoFar,
            WindowTotals totals) {
        if (breaker.isOpen()) {
            return GuardDecision.hold(GuardDecision.Cause.BREAKER_OPEN,
                    "The blast-radius breaker is open (" + breaker.reason() + "): every enforcement waits for review");
        }
        if (impact.receivers().size() > settings.maxReceivers()) {
            return GuardDecision.hold(GuardDecision.Cause.RECEIVERS,
                    "Would touch " + impact.receivers().size() + " receiving accounts (bound " + settings.maxReceivers() + ")");
        }
        Map<String, Long> reservations = new LinkedHashMap<>();
        for (ReceiverImpact r : protectedLosing(impact, unprotected)) {
            LossSoFar so = lossSoFar.getOrDefault(r.accountId(), LossSoFar.NONE);
            long baseline = baseline(r, so);
            long lost = so.lost() + loss(r);
            if (exceeds(lost, baseline)) {
                return GuardDecision.protecting(r.accountId(), String.format(Locale.ROOT,
                        "Would cut %s's followers by %.0f%% within %d h (%d of %d removed by enforcements; bound %.0f%%)",
                        r.accountId(), 100.0 * lost / baseline, settings.lossWindow().toHours(), lost, baseline,
                        100 * settings.maxFollowerLossShare()));
            }
            reservations.put(r.accountId(), loss(r));
        }
        String breach = breach(totals, impact);
        if (breach != null) {
            return GuardDecision.trip(breach);
        }
        return GuardDecision.apply(reservations);
    }

    /** Whether losing {@code lost} of {@code baseline} followers passes the bound. */
    public boolean exceeds(long lost, long baseline) {
        return baseline > 0 && lost >= settings.minFollowerLoss() && (double) lost / baseline > settings.maxFollowerLossShare();
    }

    /** A receiver's baseline: its followers before the window's first loss, recorded then; else its followers now. */
    public static long baseline(ReceiverImpact r, LossSoFar so) {
        return so.baseline() != null ? so.baseline() : r.followersBefore();
    }

    /**
     * The receiver a follower-loss hold names in its reason ("Would cut X's followers ..." above), or
     * null: for holds recorded before the guard's decision named the receiver itself.
     */
    public static String protectedReceiverIn(String holdReason) {
        if (holdReason == null) {
            return null;
        }
        java.util.regex.Matcher m = LOSS_HOLD.matcher(holdReason);
        return m.lookingAt() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern LOSS_HOLD = java.util.regex.Pattern.compile("Would cut (\\S+)'s followers");

    /** The receivers that lose followers and are protected by the loss bound. */
    public static List<ReceiverImpact> protectedLosing(Impact impact, Set<String> unprotected) {
        return impact.receivers().stream().filter(r -> loss(r) > 0 && !unprotected.contains(r.accountId())).toList();
    }

    /** Every receiver that loses followers. */
    public static List<ReceiverImpact> losing(Impact impact) {
        return impact.receivers().stream().filter(r -> loss(r) > 0).toList();
    }

    public static long loss(ReceiverImpact r) {
        return Math.max(0, r.followersBefore() - r.followersAfter());
    }

    /** The breaker's breach with this impact added to the window, or null. */
    public String breach(WindowTotals totals, Impact impact) {
        long removals = totals.removals() + impact.removed().total();
        long follows = totals.follows() + impact.removed().follows();
        long followersBefore = totals.followersBefore() + impact.receivers().stream().mapToLong(ReceiverImpact::followersBefore).sum();
        if (removals > settings.maxRemovalsPerWindow()) {
            return removals + " removals within " + settings.window().toMinutes() + " min (bound " + settings.maxRemovalsPerWindow() + ")";
        }
        if (follows >= settings.relativeMinFollows() && followersBefore > 0 && (double) follows / followersBefore > settings.maxRelativeRemovals()) {
            return String.format(Locale.ROOT, "%d follows removed within %d min, %.1f%% of the touched accounts' followers (bound %.1f%%)",
                    follows, settings.window().toMinutes(), 100.0 * follows / followersBefore, 100 * settings.maxRelativeRemovals());
        }
        return null;
    }
}
