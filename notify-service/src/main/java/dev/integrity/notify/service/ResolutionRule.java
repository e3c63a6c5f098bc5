package dev.integrity.notify.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.integrity.notify.model.RemediationStep;

/**
 * When a warning is resolved: the account changed its password AND revoked every app the warning
 * named, each at or after the warning's enforcement time. A password change alone is not enough
 * while an app is still connected; the order of the steps does not matter.
 */
public final class ResolutionRule {

    private ResolutionRule() {
    }

    /**
     * @param since the warning's enforcement time
     * @param apps  the apps the warning named (none for lockstep: then the password change suffices)
     * @param steps the account's latest remediation steps
     */
    public static boolean isResolved(Instant since, List<String> apps, Collection<RemediationStep> steps) {
        if (!done(steps, RemediationStep.PASSWORD_CHANGED, "", since)) {
            return false;
        }
        for (String app : apps) {
            if (!done(steps, RemediationStep.APP_REVOKED, app, since)) {
                return false;
            }
        }
        return true;
    }

    private static boolean done(Collection<RemediationStep> steps, String step, String appId, Instant since) {
        for (RemediationStep s : steps) {
            if (s.step.equals(step) && s.appId.equals(appId) && !s.occurredAt.isBefore(since)) {
                return true;
            }
        }
        return false;
    }
}
