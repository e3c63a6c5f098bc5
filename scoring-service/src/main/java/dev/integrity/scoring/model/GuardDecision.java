package dev.integrity.scoring.model;

import java.util.Map;

/**
 * The guard's answer for one impact: apply it (reserving each protected receiver's follower loss),
 * or hold it for a moderator, why, and for which of the guard's reasons ({@link Cause}, a metric
 * label). A hold may also open the global breaker ({@code opensBreaker} is then its reason). A hold
 * for a receiver's follower loss names that receiver ({@code protectedReceiver}), which makes the
 * enforcement part of that receiver's review case.
 */
public record GuardDecision(boolean apply, Cause cause, String holdReason, String opensBreaker, Map<String, Long> reservations,
        String protectedReceiver) {

    /** Why an enforcement was held; APPLIED when it was not. */
    public enum Cause {
        APPLIED, BREAKER_OPEN, RECEIVERS, FOLLOWER_LOSS, BREAKER_TRIPPED;

        /** The metric label: lower case, dashes. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public GuardDecision {
        reservations = reservations == null ? Map.of() : Map.copyOf(reservations);
    }

    public static GuardDecision apply(Map<String, Long> reservations) {
        return new GuardDecision(true, Cause.APPLIED, null, null, reservations, null);
    }

    public static GuardDecision hold(Cause cause, String reason) {
        return new GuardDecision(false, cause, reason, null, Map.of(), null);
    }

    /** Held because {@code receiver}, a protected account, would lose too many followers. */
    public static GuardDecision protecting(String receiver, String reason) {
        return new GuardDecision(false, Cause.FOLLOWER_LOSS, reason, null, Map.of(), receiver);
    }

    public static GuardDecision trip(String breach) {
        return new GuardDecision(false, Cause.BREAKER_TRIPPED, "Opened the blast-radius breaker: " + breach, breach, Map.of(), null);
    }
}
