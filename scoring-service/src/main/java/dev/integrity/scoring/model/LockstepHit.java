package dev.integrity.scoring.model;

import java.util.List;

import dev.integrity.contract.enforcement.LockstepWindow;

/** An account found in lockstep: its group, the group's members, and the windows it shared with them. */
public record LockstepHit(String groupId, String accountId, List<String> members, List<LockstepWindow> windows) {

    /** Of two hits for one account, the one with more shared windows (the first on a tie). */
    public static LockstepHit wider(LockstepHit a, LockstepHit b) {
        return a.windows().size() >= b.windows().size() ? a : b;
    }
}
