package dev.integrity.scoring.model;

import java.time.Instant;
import java.util.List;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.LockstepWindow;

/**
 * What the policy asks for: an enforcement of one account, with its scope and the reasons. Its id
 * derives from the account and how many enforcements it had before, so a replay proposes the same id.
 */
public record Proposal(String enforcementId, String accountId, EnforcementAction action, int strike, List<String> apps, Instant from, Instant to,
        List<LockstepWindow> lockstep, List<String> reasons, String modelVersion, String groupId) {
}
