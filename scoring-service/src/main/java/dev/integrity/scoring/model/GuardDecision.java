package dev.integrity.scoring.model;

/** The guard's answer for one impact: apply it, or hold it for a moderator and why. */
public record GuardDecision(boolean apply, String holdReason) {

    public static final GuardDecision APPLY = new GuardDecision(true, null);

    public static GuardDecision hold(String reason) {
        return new GuardDecision(false, reason);
    }
}
