package dev.integrity.contract.enforcement;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an enforcement stands in its lifecycle, and the moves it may make from there:
 * <pre>
 *   PROPOSED ──guard──> APPLIED ──moderator──> REVERTED
 *      │ └──guard──> HELD ──moderator──> APPLIED
 *      └──moderator──> REJECTED <──moderator── HELD
 * </pre>
 * REJECTED and REVERTED are final. A moderator may also approve a PROPOSED enforcement directly.
 */
public enum EnforcementStatus {
    PROPOSED, HELD, APPLIED, REJECTED, REVERTED;

    /** The statuses this one may move to. */
    public Set<EnforcementStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(HELD, APPLIED, REJECTED);
            case HELD -> EnumSet.of(APPLIED, REJECTED);
            case APPLIED -> EnumSet.of(REVERTED);
            case REJECTED, REVERTED -> EnumSet.noneOf(EnforcementStatus.class);
        };
    }

    public boolean canBecome(EnforcementStatus to) {
        return next().contains(to);
    }

    /** The statuses from which {@code to} can be reached in one move. */
    public static Set<EnforcementStatus> from(EnforcementStatus to) {
        Set<EnforcementStatus> from = EnumSet.noneOf(EnforcementStatus.class);
        for (EnforcementStatus s : values()) {
            if (s.canBecome(to)) {
                from.add(s);
            }
        }
        return from;
    }

    /** Still waiting for the guard or a moderator: nothing new is proposed for the account meanwhile. */
    public boolean isOpen() {
        return this == PROPOSED || this == HELD;
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
