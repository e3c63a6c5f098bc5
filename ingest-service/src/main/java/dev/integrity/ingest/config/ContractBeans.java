package dev.integrity.ingest.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.integrity.contract.AppClassifier;
import dev.integrity.contract.EventValidator;

/** The event contract's plain classes, configured and made injectable. */
public class ContractBeans {

    @Produces
    @ApplicationScoped
    EventValidator eventValidator(IngestConfig config, Clock clock) {
        return new EventValidator(clock, config.maxFutureSkew());
    }

    @Produces
    @ApplicationScoped
    AppClassifier appClassifier(IngestConfig config) {
        return new AppClassifier(config.firstPartyApps());
    }
}
