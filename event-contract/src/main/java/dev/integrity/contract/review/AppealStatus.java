package dev.integrity.contract.review;

import java.util.EnumSet;
import java.util.Set;

/** An appeal against an applied enforcement: OPEN until a moderator GRANTs or DENIEs it; both are final. */
public enum AppealStatus {
    OPEN, GRANTED, DENIED;

    public Set<AppealStatus> next() {
        return this == OPEN ? EnumSet.of(GRANTED, DENIED) : EnumSet.noneOf(AppealStatus.class);
    }

    public boolean canBecome(AppealStatus to) {
        return next().contains(to);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
