package dev.integrity.scoring.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.review.AppealDecision;
import dev.integrity.contract.review.AppealStatus;
import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.messaging.AppealPublisher;
import dev.integrity.scoring.model.Appeal;
import dev.integrity.scoring.repository.AppealRepository;
import dev.integrity.scoring.repository.EnforcementRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Appeals: a user asks for one of their APPLIED enforcements to be looked at again; a moderator grants
 * (the enforcement is reverted exactly, as {@code /revert}: the ledger restores what it removed, the
 * strike is taken back, a block it caused is lifted, and the account is told) or denies (the account is
 * told, {@code APPEAL_DENIED}). The decision is stored and published in one step: the transaction that
 * decides the appeal commits only once Kafka has the decision, so a failure leaves the appeal open to be
 * decided again, and the consumer recognises a repeated decision by its appeal id.
 */
@ApplicationScoped
public class AppealService {

    private static final Logger LOG = Logger.getLogger(AppealService.class);

    /** A moderator's answer to an appeal. */
    public enum Decision {
        GRANT, DENY;

        public AppealStatus to() {
            return this == GRANT ? AppealStatus.GRANTED : AppealStatus.DENIED;
        }
    }

    @Inject
    AppealRepository appeals;
    @Inject
    EnforcementRepository enforcements;
    @Inject
    EnforcementService lifecycle;
    @Inject
    AppealPublisher publisher;
    @Inject
    ScoringConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    /** Files the account's appeal against its own APPLIED enforcement: 404 for anyone else's, 409 when appealed already or not applied. */
    public Uni<Appeal> file(String accountId, String enforcementId, String message) {
        return enforcements.find(enforcementId).chain(e -> {
            if (e == null || !e.accountId().equals(accountId)) {
                return Uni.createFrom().failure(new NotFoundException("Account " + accountId + " has no enforcement '" + enforcementId + "'."));
            }
            if (e.status() != EnforcementStatus.APPLIED) {
                return Uni.createFrom().failure(new IllegalTransitionException("Enforcement " + enforcementId + " is " + e.status()
                        + "; only an APPLIED enforcement can be appealed."));
            }
            Instant since = Instant.now(clock).minus(config.appeals().window());
            return appeals.countSince(accountId, since).chain(filed -> {
                if (filed >= config.appeals().maxPerAccount()) {
                    return Uni.createFrom().failure(new TooManyRequestsException("Account " + accountId + " filed " + filed
                            + " appeals within " + config.appeals().window() + "; at most " + config.appeals().maxPerAccount() + " are taken.",
                            config.appeals().window()));
                }
                return appeals.insert("apl-" + UUID.randomUUID().toString().replace("-", ""), enforcementId, accountId, message)
                        .onItem().ifNull().failWith(() -> new IllegalTransitionException("Enforcement " + enforcementId
                                + " has been appealed already; there is one appeal per enforcement."))
                        .invoke(a -> {
                            registry.counter("scoring.appeals.filed").increment();
                            LOG.infof("appeal %s filed by %s against enforcement %s", a.id(), accountId, enforcementId);
                        });
            });
        });
    }

    /** Grants or denies an OPEN appeal: 404 for an unknown one, 409 for one decided already (or an enforcement that moved on). */
    public Uni<Appeal> decide(String appealId, Decision decision, String note, String actor) {
        return appeals.pool().withTransaction(client -> appeals.decide(client, appealId, decision.to(), note, actor).chain(decided -> {
            if (decided == null) {
                return appeals.find(appealId).chain(found -> Uni.createFrom().failure(found == null
                        ? new NotFoundException("No appeal '" + appealId + "'.")
                        : new IllegalTransitionException("Appeal " + appealId + " is " + found.status() + " already.")));
            }
            Uni<Void> effect = decision == Decision.GRANT ? revert(decided, actor, note) : Uni.createFrom().voidItem();
            return effect.chain(() -> publisher.send(new AppealDecision(decided.id(), decided.enforcementId(), decided.accountId(),
                    decided.status(), note, actor, decided.decidedAt()))).replaceWith(decided);
        })).invoke(a -> {
            registry.counter("scoring.appeals.decided", "status", a.status().name()).increment();
            LOG.infof("appeal %s on enforcement %s %s by %s", a.id(), a.enforcementId(), a.status(), actor);
        });
    }

    /** Reverts the appealed enforcement; one reverted already (a retried grant, or a moderator's revert) counts as done. */
    private Uni<Void> revert(Appeal appeal, String actor, String note) {
        return lifecycle.revert(appeal.enforcementId(), actor, "appeal " + appeal.id() + " granted: " + note).replaceWithVoid()
                .onFailure(IllegalTransitionException.class).recoverWithUni(refused -> enforcements.find(appeal.enforcementId())
                        .chain(e -> e != null && e.status() == EnforcementStatus.REVERTED ? Uni.createFrom().voidItem()
                                : Uni.createFrom().failure(refused)));
    }
}
