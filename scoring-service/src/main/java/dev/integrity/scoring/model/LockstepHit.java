package dev.integrity.scoring.model;

import java.util.List;

import dev.integrity.contract.enforcement.LockstepWindow;

/** An account found in lockstep: its group, the group's members, and the windows it shared with them. */
public record LockstepHit(String groupId, String accountId, List<String> members, List<LockstepWindow> windows) {
}
