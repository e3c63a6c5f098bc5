package dev.integrity.scoring.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.decision.CaseRules;
import dev.integrity.scoring.model.Enforcement;
import dev.integrity.scoring.repository.CaseRepository;
import dev.integrity.scoring.repository.EnforcementRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One moderator decision for a whole case. The case row is locked while its held members are counted
 * against what the moderator saw and moved (with one audit line each) in the same transaction, so two
 * moderators deciding the same case cannot both move its members; what follows the move (the guard's
 * count and the ledger's command for an approval, the account's state for a rejection) runs per member
 * afterwards, exactly as for a single decision.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    /** A case decision: the enforcement status every held member moves to. */
    public enum Decision {
        APPROVE, REJECT;

        public EnforcementStatus to() {
            return this == APPROVE ? EnforcementStatus.APPLIED : EnforcementStatus.REJECTED;
        }
    }

    @Inject
    CaseRepository cases;
    @Inject
    EnforcementRepository enforcements;
    @Inject
    EnforcementService lifecycle;
    @Inject
    ScoringConfig config;
    @Inject
    MeterRegistry registry;

    /**
     * Applies the decision to every member still HELD; refuses (409) when the case is closed, holds a
     * number other than {@code expected}, or more than the bulk cap. Answers the members it moved.
     */
    public Uni<List<Enforcement>> decide(String caseId, Decision decision, String note, int expected, String actor) {
        return enforcements.pool().withTransaction(client -> cases.lock(client, caseId).chain(found -> {
            if (found == null) {
                return Uni.createFrom().failure(new NotFoundException("No case '" + caseId + "'."));
            }
            return cases.heldMembers(client, caseId).chain(held -> {
                String refusal = CaseRules.refusal(caseId, found.status(), held.size(), expected, config.cases().maxBulk());
                if (refusal != null) {
                    return Uni.createFrom().failure(new IllegalTransitionException(refusal));
                }
                return enforcements.transitionAll(client, held, EnforcementStatus.HELD, decision.to(), actor, note);
            });
        })).call(moved -> Multi.createFrom().iterable(moved)
                .onItem().transformToUniAndConcatenate(e -> decision == Decision.APPROVE ? lifecycle.afterApproved(e) : lifecycle.afterRejected(e, actor))
                .collect().last())
                .call(() -> cases.closeIfDone(caseId))
                .invoke(moved -> {
                    registry.counter("scoring.cases.decisions", "decision", decision.name()).increment();
                    registry.counter("scoring.cases.decided.enforcements", "decision", decision.name()).increment(moved.size());
                    LOG.infof("case %s: %s of %d enforcements by %s", caseId, decision, moved.size(), actor);
                });
    }
}
