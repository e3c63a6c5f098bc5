package dev.integrity.contract.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * A review case's state: OPEN while at least one member enforcement is HELD, CLOSED once none is.
 * A closed case stays closed; a later hold for the same cause opens a new case.
 */
public enum CaseStatus {
    OPEN, CLOSED;

    public Set<CaseStatus> next() {
        return this == OPEN ? EnumSet.of(CLOSED) : EnumSet.noneOf(CaseStatus.class);
    }

    public boolean canBecome(CaseStatus to) {
        return next().contains(to);
    }
}
