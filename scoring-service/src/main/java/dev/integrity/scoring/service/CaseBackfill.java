package dev.integrity.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.integrity.scoring.decision.GuardRules;
import dev.integrity.scoring.repository.CaseRepository;
import dev.integrity.scoring.repository.EnforcementRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;

/**
 * At start, puts every HELD enforcement that is in no case (held before review cases existed) into
 * the case of its cause, so that the case queue shows everything that waits for a moderator. A hold
 * of that time names its protected receiver only in its reason, which is read for it. Running it on
 * several replicas at once is safe: a case per cause is unique while open.
 */
@ApplicationScoped
public class CaseBackfill {

    private static final Logger LOG = Logger.getLogger(CaseBackfill.class);
    private static final int BATCH = 10_000;

    @Inject
    EnforcementRepository enforcements;
    @Inject
    CaseRepository cases;

    void onStart(@Observes StartupEvent start) {
        enforcements.heldWithoutCase(BATCH)
                .onItem().transformToMulti(held -> Multi.createFrom().iterable(held))
                .onItem().transformToUniAndConcatenate(e -> cases.attach(e, GuardRules.protectedReceiverIn(e.heldReason())))
                .collect().with(java.util.stream.Collectors.counting())
                .subscribe().with(
                        attached -> {
                            if (attached > 0) {
                                LOG.infof("put %d held enforcements that had no review case into their cases", attached);
                            }
                        },
                        failure -> LOG.warnf("could not put held enforcements into review cases: %s", failure.toString()));
    }
}
