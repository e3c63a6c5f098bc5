package dev.integrity.notify.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.model.RemediationStep;

class ResolutionRuleTest {

    private static final Instant ENFORCED = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<String> APPS = List.of("followboost", "likeblaster");

    private static RemediationStep step(String kind, String app, Instant at) {
        RemediationStep step = new RemediationStep();
        step.accountId = "acc-1";
        step.step = kind;
        step.appId = app;
        step.occurredAt = at;
        step.eventId = "e-" + kind + app;
        return step;
    }

    private static RemediationStep password(Instant at) {
        return step(RemediationStep.PASSWORD_CHANGED, "", at);
    }

    private static RemediationStep revoked(String app, Instant at) {
        return step(RemediationStep.APP_REVOKED, app, at);
    }

    @Test
    void resolvedOnlyWithThePasswordAndEveryApp() {
        Instant later = ENFORCED.plusSeconds(60);
        List<RemediationStep> steps = new ArrayList<>();
        steps.add(password(later));
        assertFalse(ResolutionRule.isResolved(ENFORCED, APPS, steps), "password alone");
        steps.add(revoked("followboost", later));
        assertFalse(ResolutionRule.isResolved(ENFORCED, APPS, steps), "one of two apps");
        steps.add(revoked("likeblaster", later));
        assertTrue(ResolutionRule.isResolved(ENFORCED, APPS, steps), "password and both apps");
    }

    @Test
    void revocationsWithoutThePasswordAreNotEnough() {
        Instant later = ENFORCED.plusSeconds(60);
        assertFalse(ResolutionRule.isResolved(ENFORCED, APPS,
                List.of(revoked("followboost", later), revoked("likeblaster", later))));
    }

    @Test
    void stepsBeforeTheEnforcementDoNotCountButAtTheSameInstantDo() {
        Instant before = ENFORCED.minusSeconds(1);
        assertFalse(ResolutionRule.isResolved(ENFORCED, APPS,
                List.of(password(before), revoked("followboost", ENFORCED), revoked("likeblaster", ENFORCED))));
        assertTrue(ResolutionRule.isResolved(ENFORCED, APPS,
                List.of(password(ENFORCED), revoked("followboost", ENFORCED), revoked("likeblaster", ENFORCED))));
    }

    @Test
    void anotherAppsRevocationDoesNotCount() {
        Instant later = ENFORCED.plusSeconds(60);
        assertFalse(ResolutionRule.isResolved(ENFORCED, APPS,
                List.of(password(later), revoked("followboost", later), revoked("unrelated", later))));
    }

    @Test
    void aWarningNamingNoAppIsResolvedByThePasswordChange() {
        assertTrue(ResolutionRule.isResolved(ENFORCED, List.of(), List.of(password(ENFORCED.plusSeconds(1)))));
        assertFalse(ResolutionRule.isResolved(ENFORCED, List.of(), List.of()));
    }
}
