package dev.integrity.contract.enforcement;

import java.time.Instant;
import java.util.List;

/**
 * What an enforcement covers: the engagement (follows, likes, comments) that {@code accountId}
 * gave between {@code from} and {@code to}, either through one of the third-party {@code apps},
 * or, for lockstep, to one of the {@code lockstep} targets within that target's window, whatever
 * app it claims. First-party engagement outside lockstep windows is never in scope.
 * {@code action} is what it does; {@code strike} is the account's strike this
 * enforcement gives (1 = first warning, 2 = final warning, 3 = block).
 */
public record EnforcementScope(
        String enforcementId,
        String accountId,
        EnforcementAction action,
        int strike,
        List<String> apps,
        Instant from,
        Instant to,
        List<LockstepWindow> lockstep) {

    public EnforcementScope {
        apps = apps == null ? List.of() : List.copyOf(apps);
        lockstep = lockstep == null ? List.of() : List.copyOf(lockstep);
    }
}
