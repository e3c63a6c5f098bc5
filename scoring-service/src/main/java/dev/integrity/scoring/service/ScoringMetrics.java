package dev.integrity.scoring.service;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.review.AppealStatus;
import dev.integrity.kafka.ConsumerLag;
import dev.integrity.kafka.IncomingChannels;
import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.model.GuardDecision;
import dev.integrity.scoring.repository.CaseRepository;
import dev.integrity.scoring.repository.EnforcementRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.core.Vertx;

/**
 * scoring-service's metrics home. Every counter, with every value of its labels, is registered here at
 * start (value 0), so an alert on a rate sees the first guard trip, dead letter or appeal; the code
 * that counts finds the same series by name and labels. The gauges of what is waiting for a person
 * ({@code scoring_enforcements_held}, {@code scoring_cases_open}) and of the global breaker
 * ({@code scoring_guard_open}, 1 while open) are counted in PostgreSQL and Redis on a timer
 * ({@code scoring.metrics.refresh}, 15 s), never on a scrape; {@code integrity_consumer_lag_records{group}}
 * covers the decider's and the ledger reports' consumer groups and the feature store's application.
 */
@Startup
@ApplicationScoped
public class ScoringMetrics {

    private static final Logger LOG = Logger.getLogger(ScoringMetrics.class);

    private final EnforcementRepository enforcements;
    private final CaseRepository cases;
    private final BlastRadiusGuard guard;
    private final Vertx vertx;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong casesOpen = new AtomicLong();
    private final AtomicLong guardOpen = new AtomicLong();
    private final long timer;

    public ScoringMetrics(MeterRegistry registry, Config config, ScoringConfig scoring, KafkaClientService kafka, Instance<KafkaStreams> streams,
            EnforcementRepository enforcements, CaseRepository cases, BlastRadiusGuard guard, Vertx vertx,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String featureStore) {
        this.enforcements = enforcements;
        this.cases = cases;
        this.guard = guard;
        this.vertx = vertx;
        counter(registry, "scoring.events.scored", "New events scored");
        counter(registry, "scoring.features.recorded", "Account events recorded in the feature store");
        counter(registry, "scoring.features.repeated", "Account events whose eventId the feature store had recorded already (not counted again)");
        for (EnforcementStatus status : EnforcementStatus.values()) {
            counter(registry, "scoring.enforcements", "Enforcements that reached a status, by status", "status", status.name());
        }
        for (EnforcementAction action : EnforcementAction.values()) {
            counter(registry, "scoring.enforcements.proposed", "Enforcements proposed, by action", "action", action.name());
        }
        for (EnforcementOutcome.Status status : EnforcementOutcome.Status.values()) {
            counter(registry, "scoring.enforcements.outcomes", "Ledger outcomes that moved an account on the strike ladder, by status",
                    "status", status.name());
        }
        for (GuardDecision.Cause cause : GuardDecision.Cause.values()) {
            counter(registry, "scoring.guard.decisions", "The guard's decisions, by cause", "cause", cause.label());
        }
        counter(registry, "scoring.guard.reservation.conflicts", "Guard reservations taken again because another decision changed a receiver's losses");
        for (CaseService.Decision decision : CaseService.Decision.values()) {
            counter(registry, "scoring.cases.decisions", "Case decisions, by decision", "decision", decision.name());
            counter(registry, "scoring.cases.decided.enforcements", "Enforcements moved by case decisions, by decision", "decision", decision.name());
        }
        counter(registry, "scoring.appeals.filed", "Appeals filed");
        for (AppealStatus status : AppealStatus.values()) {
            if (status.isFinal()) {
                counter(registry, "scoring.appeals.decided", "Appeals decided, by outcome", "status", status.name());
            }
        }
        Set<String> deadLetterTopics = new TreeSet<>(IncomingChannels.topics(config));
        deadLetterTopics.add(scoring.topics().events());
        for (String topic : deadLetterTopics) {
            counter(registry, "scoring.dead.letters", "Records moved to a dead-letter topic, by the topic they came from", "topic", topic);
        }

        Gauge.builder("scoring.enforcements.held", held, AtomicLong::get).description("Enforcements HELD for a moderator (counted every scoring.metrics.refresh)")
                .register(registry);
        Gauge.builder("scoring.cases.open", casesOpen, AtomicLong::get).description("Open review cases (counted every scoring.metrics.refresh)")
                .register(registry);
        Gauge.builder("scoring.guard.open", guardOpen, AtomicLong::get).description("1 while the guard's global breaker is open (every new enforcement is held)")
                .register(registry);
        ConsumerLag.register(registry, config, kafka);
        ConsumerLag.register(registry, featureStore, () -> streams.isResolvable()
                ? ConsumerLag.records(streams.get().metrics(), ConsumerLag::streamsMainConsumer)
                : 0);
        this.timer = vertx.setPeriodic(1000, Math.max(1000, scoring.metrics().refresh().toMillis()), id -> refresh());
    }

    private static void counter(MeterRegistry registry, String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry);
    }

    /** Counts the held enforcements and open cases and reads the breaker; a failed read keeps the last value. */
    void refresh() {
        Uni.combine().all().unis(enforcements.count(EnforcementStatus.HELD), cases.countOpen(), guard.state()).asTuple()
                .subscribe().with(read -> {
                    held.set(read.getItem1());
                    casesOpen.set(read.getItem2());
                    guardOpen.set(read.getItem3().isOpen() ? 1 : 0);
                }, e -> LOG.debugf("scoring gauges not refreshed: %s", e.getMessage()));
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timer);
    }
}
