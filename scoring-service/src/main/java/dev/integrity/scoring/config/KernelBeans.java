package dev.integrity.scoring.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.integrity.scoring.decision.GuardRules;
import dev.integrity.scoring.decision.GuardSettings;
import dev.integrity.scoring.decision.LockstepRules;
import dev.integrity.scoring.decision.LockstepSettings;
import dev.integrity.scoring.decision.Policy;
import dev.integrity.scoring.decision.PolicySettings;

/** The decision kernel's rules as beans, built from the typed settings; and the clock every adapter reads time from. */
public class KernelBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    Policy policy(ScoringConfig config) {
        ScoringConfig.Policy p = config.policy();
        return new Policy(new PolicySettings(p.minThirdPartyEngagement(), p.minThirdPartyShare(), p.highFollowsPerHour(),
                p.regularIntervalCv(), p.minRepeatEngagement()));
    }

    @Produces
    @ApplicationScoped
    LockstepRules lockstepRules(ScoringConfig config) {
        ScoringConfig.Lockstep l = config.lockstep();
        return new LockstepRules(new LockstepSettings(l.window(), l.minCrowd(), l.maxCrowd(), l.flashCrowd(), l.minSharedTargets(),
                l.minLockstepShare(), l.minGroupSize()));
    }

    @Produces
    @ApplicationScoped
    GuardRules guardRules(ScoringConfig config) {
        ScoringConfig.Guard g = config.guard();
        return new GuardRules(new GuardSettings(g.maxFollowerLossShare(), g.minFollowerLoss(), g.lossWindow(), g.maxReceivers(), g.window(),
                g.maxRemovalsPerWindow(), g.maxRelativeRemovals(), g.relativeMinFollows()));
    }
}
