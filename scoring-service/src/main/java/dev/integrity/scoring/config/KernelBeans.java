package dev.integrity.scoring.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.integrity.scoring.decision.GuardRules;
import dev.integrity.scoring.decision.LockstepRules;
import dev.integrity.scoring.decision.Policy;

/** The decision kernel's rules as beans, each built from its typed settings (which {@link ScoringConfig} makes from its properties). */
public class KernelBeans {

    @Produces
    @ApplicationScoped
    Policy policy(ScoringConfig config) {
        return new Policy(config.policy().settings());
    }

    @Produces
    @ApplicationScoped
    LockstepRules lockstepRules(ScoringConfig config) {
        return new LockstepRules(config.lockstep().settings());
    }

    @Produces
    @ApplicationScoped
    GuardRules guardRules(ScoringConfig config) {
        return new GuardRules(config.guard().settings());
    }
}
