package dev.integrity.scoring.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.integrity.contract.AppClassifier;
import dev.integrity.contract.EventValidator;

/** The event contract's plain classes, configured and made injectable. */
public class ContractBeans {

    @Produces
    @ApplicationScoped
    AppClassifier appClassifier(ScoringConfig config) {
        return new AppClassifier(config.firstPartyApps());
    }

    /** Events on the topic were validated at ingest; re-checking guards against other producers. No future-skew check here. */
    @Produces
    @ApplicationScoped
    EventValidator eventValidator(Clock clock) {
        return new EventValidator(clock, Duration.ofDays(3650));
    }
}
