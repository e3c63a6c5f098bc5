package dev.integrity.scoring.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import dev.integrity.contract.enforcement.EnforcementCommand;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.Impact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.scoring.decision.Lifecycle;
import dev.integrity.scoring.decision.StrikeLadder;
import dev.integrity.scoring.messaging.CommandPublisher;
import dev.integrity.observability.LogContext;
import dev.integrity.scoring.model.Enforcement;
import dev.integrity.scoring.model.Proposal;
import dev.integrity.scoring.repository.AccountStateRepository;
import dev.integrity.scoring.repository.CaseRepository;
import dev.integrity.scoring.repository.StaleStateException;
import dev.integrity.scoring.repository.EnforcementRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The enforcement lifecycle. PROPOSED (by the policy) asks the ledger for the impact; the guard then
 * makes it APPLIED or HELD. A moderator approves (HELD or PROPOSED to APPLIED), rejects (to REJECTED)
 * or reverts (APPLIED to REVERTED). Every move is audited; the ledger's outcome moves the account
 * along the strike ladder.
 */
@ApplicationScoped
public class EnforcementService {

    private static final Logger LOG = Logger.getLogger(EnforcementService.class);

    @Inject
    EnforcementRepository enforcements;
    @Inject
    CaseRepository cases;
    @Inject
    AccountStateRepository states;
    @Inject
    BlastRadiusGuard guard;
    @Inject
    CommandPublisher commands;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    /**
     * Records the proposal (idempotently: its id derives from the account and its proposal count, so
     * a replayed stream proposes the same id, which exists already) and asks the ledger for the impact.
     */
    public Uni<Boolean> propose(SqlClient client, Proposal p) {
        String id = p.enforcementId();
        EnforcementScope scope = new EnforcementScope(id, p.accountId(), p.action(), p.strike(), p.apps(), p.from(), p.to(), p.lockstep());
        Enforcement e = new Enforcement(id, p.accountId(), p.action(), p.strike(), EnforcementStatus.PROPOSED, p.reasons(), p.modelVersion(),
                "model", scope, List.of(), null, Removed.NONE, p.groupId(), null, null, null);
        return enforcements.insertProposed(client, e).invoke(created -> {
            if (created) {
                registry.counter("scoring.enforcements.proposed", "action", p.action().name()).increment();
                LOG.infof("enforcement %s proposed for %s: %s strike %d, apps %s", id, p.accountId(), p.action(), p.strike(), p.apps());
            }
        });
    }

    /** Asks the ledger for the impact, the command in the given trace (the proposing event's). */
    public Uni<Void> requestImpact(String enforcementId, Context trace) {
        return enforcements.find(enforcementId).chain(e -> e == null ? Uni.createFrom().voidItem()
                : commands.send(new EnforcementCommand(EnforcementCommand.Kind.IMPACT, e.scope()), trace));
    }

    /** The ledger's impact report: the guard decides between APPLIED and HELD. */
    public Uni<Void> onImpact(Impact impact) {
        return enforcements.find(impact.enforcementId()).chain(e -> {
            if (e == null || e.status() != EnforcementStatus.PROPOSED) {
                return Uni.createFrom().voidItem();
            }
            return enforcements.recordImpact(e.id(), impact.receivers(), impact.removed())
                    .chain(() -> guard.check(impact))
                    .chain(decision -> {
                        if (!decision.apply()) {
                            LOG.infof("enforcement %s held: %s", e.id(), decision.holdReason());
                            registry.counter("scoring.enforcements", "status", EnforcementStatus.HELD.name()).increment();
                            return enforcements.transition(e.id(), EnforcementStatus.HELD, "guard", decision.holdReason())
                                    .chain(held -> held == null ? Uni.createFrom().voidItem()
                                            : cases.attach(held, decision.protectedReceiver())
                                                    .invoke(caseId -> LOG.infof("enforcement %s joins case %s", held.id(), caseId))
                                                    .replaceWithVoid());
                        }
                        // The guard reserved the receivers' losses already; an enforcement moved meanwhile keeps its
                        // reservation, which only makes later decisions more careful.
                        return enforcements.transition(e.id(), EnforcementStatus.APPLIED, "model", "within the guard's bounds")
                                .chain(applied -> applied == null ? Uni.createFrom().voidItem() : apply(applied));
                    });
        });
    }

    public Uni<Enforcement> approve(String id, String moderator, String note) {
        return move(id, EnforcementStatus.APPLIED, moderator, note, this::afterApproved);
    }

    public Uni<Enforcement> reject(String id, String moderator, String note) {
        return move(id, EnforcementStatus.REJECTED, moderator, note, e -> afterRejected(e, moderator));
    }

    /** What approval sets going once the enforcement is APPLIED: the guard counts its losses, the ledger applies it. */
    public Uni<Void> afterApproved(Enforcement e) {
        return guard.record(new Impact(e.id(), e.accountId(), e.removed(), e.receivers())).chain(() -> apply(e));
    }

    /** Once REJECTED: an account the policy only suspected is clean again. */
    public Uni<Void> afterRejected(Enforcement e, String moderator) {
        return states.find(e.accountId()).chain(state -> state == null || state.status() != AccountStatus.SUSPECT
                ? Uni.createFrom().voidItem()
                : states.saveAll(List.of(state.withScore(AccountStatus.CLEAN, state.riskScore(), state.modelVersion(),
                        List.of("Enforcement " + e.id() + " rejected by " + moderator)))))
                .onFailure(StaleStateException.class).retry().atMost(5);
    }

    public Uni<Enforcement> revert(String id, String moderator, String note) {
        return move(id, EnforcementStatus.REVERTED, moderator, note,
                e -> commands.send(new EnforcementCommand(EnforcementCommand.Kind.REVERT, e.scope())));
    }

    /** The ledger's report of what it did: the account moves on the strike ladder (or back, on revert). */
    public Uni<Void> onOutcome(EnforcementOutcome outcome) {
        return enforcements.find(outcome.enforcementId()).chain(e -> e == null ? Uni.createFrom().voidItem()
                : enforcements.recordImpact(e.id(), e.receivers(), outcome.removed()).chain(() -> moveLadder(outcome, e)));
    }

    private Uni<Void> moveLadder(EnforcementOutcome outcome, Enforcement e) {
        return states.find(outcome.accountId())
                .chain(found -> StrikeLadder.afterOutcome(found == null ? dev.integrity.scoring.model.AccountState.clean(outcome.accountId()) : found, outcome)
                        .map(next -> {
                            registry.counter("scoring.enforcements.outcomes", "status", outcome.status().name()).increment();
                            return states.saveAll(List.of(next));
                        })
                        .orElse(Uni.createFrom().voidItem()));
    }

    /** Sends APPLY with the scope extended to the decision ({@link Lifecycle#scopeAtDecision}). */
    private Uni<Void> apply(Enforcement e) {
        registry.counter("scoring.enforcements", "status", EnforcementStatus.APPLIED.name()).increment();
        return commands.send(new EnforcementCommand(EnforcementCommand.Kind.APPLY, Lifecycle.scopeAtDecision(e.scope(), Instant.now(clock))));
    }

    /** A moderator's move of one enforcement, then what the move sets going; the enforcement's id is on every log line of both. */
    private Uni<Enforcement> move(String id, EnforcementStatus to, String actor, String note, Function<Enforcement, Uni<?>> then) {
        return LogContext.around(LogContext.Ids.ofEnforcement(id, null), () -> move(id, to, actor, note).call(then));
    }

    private Uni<Enforcement> move(String id, EnforcementStatus to, String actor, String note) {
        return enforcements.find(id).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(new NotFoundException("No enforcement '" + id + "'."));
            }
            String refusal = Lifecycle.refusal(id, current.status(), to);
            if (refusal != null) {
                return Uni.createFrom().failure(new IllegalTransitionException(refusal));
            }
            return enforcements.transition(id, to, actor, note).onItem().ifNull()
                    .failWith(() -> new IllegalTransitionException("Enforcement " + id + " moved on meanwhile; it cannot become " + to + "."))
                    .call(moved -> moved.caseId() == null ? Uni.createFrom().voidItem() : cases.closeIfDone(moved.caseId()));
        });
    }
}
