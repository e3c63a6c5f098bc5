package dev.integrity.scoring.decision;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.EnforcementStatus;

/**
 * The enforcement lifecycle's rules beyond the status graph itself ({@link EnforcementStatus}
 * knows its allowed moves): what a refused move says, and the scope an applied enforcement takes.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** Null when {@code current} may become {@code to}; otherwise why not, in words a moderator understands. */
    public static String refusal(String enforcementId, EnforcementStatus current, EnforcementStatus to) {
        if (current.canBecome(to)) {
            return null;
        }
        Set<EnforcementStatus> from = EnforcementStatus.from(to);
        return "Enforcement " + enforcementId + " is " + current + "; it cannot become " + to
                + (from.isEmpty() ? "." : " (allowed from " + from.stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")) + ").");
    }

    /**
     * The scope an enforcement is applied with: extended to the moment of the decision, so that
     * engagement through the flagged apps between the proposal and the decision is removed too
     * (the account had not been warned yet).
     */
    public static EnforcementScope scopeAtDecision(EnforcementScope s, Instant decidedAt) {
        Instant to = s.to() != null && s.to().isAfter(decidedAt) ? s.to() : decidedAt;
        return new EnforcementScope(s.enforcementId(), s.accountId(), s.action(), s.strike(), s.apps(), s.from(), to, s.lockstep());
    }
}
