package dev.integrity.scoring.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import dev.integrity.contract.enforcement.EnforcementCommand;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.Impact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.scoring.messaging.CommandPublisher;
import dev.integrity.scoring.model.AccountState;
import dev.integrity.scoring.model.Enforcement;
import dev.integrity.scoring.model.Proposal;
import dev.integrity.scoring.repository.AccountStateRepository;
import dev.integrity.scoring.repository.StaleStateException;
import dev.integrity.scoring.repository.EnforcementRepository;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final EnforcementRepository enforcements;
    private final AccountStateRepository states;
    private final BlastRadiusGuard guard;
    private final CommandPublisher commands;
    private final MeterRegistry registry;

    public EnforcementService(EnforcementRepository enforcements, AccountStateRepository states, BlastRadiusGuard guard,
            CommandPublisher commands, MeterRegistry registry) {
        this.enforcements = enforcements;
        this.states = states;
        this.guard = guard;
        this.commands = commands;
        this.registry = registry;
    }

    /**
     * Records the proposal (idempotently: its id derives from the account and its proposal count, so
     * a replayed stream proposes the same id, which exists already) and asks the ledger for the impact.
     */
    public Uni<Boolean> propose(SqlClient client, Proposal p) {
        String id = p.enforcementId();
        EnforcementScope scope = new EnforcementScope(id, p.accountId(), p.action(), p.strike(), p.apps(), p.from(), p.to(), p.lockstep());
        Enforcement e = new Enforcement(id, p.accountId(), p.action(), p.strike(), Enforcement.PROPOSED, p.reasons(), p.modelVersion(),
                "model", scope, List.of(), null, Removed.NONE, p.groupId(), null, null);
        return enforcements.insertProposed(client, e).invoke(created -> {
            if (created) {
                registry.counter("scoring.enforcements.proposed", "action", p.action()).increment();
                LOG.infof("enforcement %s proposed for %s: %s strike %d, apps %s", id, p.accountId(), p.action(), p.strike(), p.apps());
            }
        });
    }

    public Uni<Void> requestImpact(String enforcementId) {
        return enforcements.find(enforcementId).chain(e -> e == null ? Uni.createFrom().voidItem()
                : commands.send(new EnforcementCommand(EnforcementCommand.Kind.IMPACT, e.scope())));
    }

    /** The ledger's impact report: the guard decides between APPLIED and HELD. */
    public Uni<Void> onImpact(Impact impact) {
        return enforcements.find(impact.enforcementId()).chain(e -> {
            if (e == null || !Enforcement.PROPOSED.equals(e.status())) {
                return Uni.createFrom().voidItem();
            }
            return enforcements.recordImpact(e.id(), impact.receivers(), impact.removed())
                    .chain(() -> guard.check(impact))
                    .chain(decision -> {
                        if (!decision.apply()) {
                            LOG.infof("enforcement %s held: %s", e.id(), decision.holdReason());
                            registry.counter("scoring.enforcements", "status", Enforcement.HELD).increment();
                            return enforcements.transition(e.id(), Set.of(Enforcement.PROPOSED), Enforcement.HELD, "guard", decision.holdReason())
                                    .replaceWithVoid();
                        }
                        return enforcements.transition(e.id(), Set.of(Enforcement.PROPOSED), Enforcement.APPLIED, "model", "within the guard's bounds")
                                .chain(applied -> applied == null ? Uni.createFrom().voidItem()
                                        : guard.record(impact).chain(() -> apply(applied)));
                    });
        });
    }

    public Uni<Enforcement> approve(String id, String moderator) {
        return move(id, Set.of(Enforcement.HELD, Enforcement.PROPOSED), Enforcement.APPLIED, moderator, "approved")
                .call(this::apply);
    }

    public Uni<Enforcement> reject(String id, String moderator) {
        return move(id, Set.of(Enforcement.HELD, Enforcement.PROPOSED), Enforcement.REJECTED, moderator, "rejected")
                .call(e -> states.find(e.accountId()).chain(state -> state == null || !AccountState.SUSPECT.equals(state.status())
                        ? Uni.createFrom().voidItem()
                        : states.saveAll(List.of(state.withScore(AccountState.CLEAN, state.riskScore(), state.modelVersion(),
                                List.of("Enforcement " + id + " rejected by " + moderator)))))
                        .onFailure(StaleStateException.class).retry().atMost(5));
    }

    public Uni<Enforcement> revert(String id, String moderator) {
        return move(id, Set.of(Enforcement.APPLIED), Enforcement.REVERTED, moderator, "reverted")
                .call(e -> commands.send(new EnforcementCommand(EnforcementCommand.Kind.REVERT, e.scope())));
    }

    /** The ledger's report of what it did: the account moves on the strike ladder (or back, on revert). */
    public Uni<Void> onOutcome(EnforcementOutcome outcome) {
        return enforcements.find(outcome.enforcementId()).chain(e -> e == null ? Uni.createFrom().voidItem()
                : enforcements.recordImpact(e.id(), e.receivers(), outcome.removed()).chain(() -> moveLadder(outcome, e)));
    }

    private Uni<Void> moveLadder(EnforcementOutcome outcome, Enforcement e) {
        // Engagement through a flagged app after the ledger applied the warning is a repeat.
        java.time.Instant warnedAt = outcome.at();
        return states.find(outcome.accountId()).chain(found -> {
            AccountState state = found == null ? AccountState.clean(outcome.accountId()) : found;
            AccountState next;
            if (outcome.status() == EnforcementOutcome.Status.APPLIED) {
                if (state.strikes() >= outcome.strike()) {
                    return Uni.createFrom().voidItem(); // redelivered: the ladder moved already
                }
                String status = "BLOCK".equals(outcome.action()) ? AccountState.BLOCKED : AccountState.WARNED;
                next = new AccountState(state.accountId(), status, outcome.strike(), state.enforcementCount(), state.riskScore(),
                        state.modelVersion(), state.reasons(), outcome.apps(), warnedAt, 0, null, List.of(), state.groupId(), state.version());
            } else {
                if (state.strikes() < outcome.strike()) {
                    return Uni.createFrom().voidItem(); // redelivered: already stepped back
                }
                int strikes = outcome.strike() - 1;
                next = new AccountState(state.accountId(), strikes == 0 ? AccountState.CLEAN : AccountState.WARNED, strikes,
                        state.enforcementCount(), state.riskScore(), state.modelVersion(),
                        List.of("Enforcement " + outcome.enforcementId() + " was reverted"), strikes == 0 ? List.of() : state.flaggedApps(),
                        state.warnedAt(), 0, null, List.of(), state.groupId(), state.version());
            }
            registry.counter("scoring.enforcements.outcomes", "status", outcome.status().name()).increment();
            return states.saveAll(List.of(next));
        });
    }

    /**
     * Sends APPLY with the scope extended to now: engagement through the flagged apps between the
     * proposal and this decision is removed too, since the account had not been warned yet.
     */
    private Uni<Void> apply(Enforcement e) {
        registry.counter("scoring.enforcements", "status", Enforcement.APPLIED).increment();
        EnforcementScope s = e.scope();
        java.time.Instant now = java.time.Instant.now();
        EnforcementScope scope = new EnforcementScope(s.enforcementId(), s.accountId(), s.action(), s.strike(), s.apps(), s.from(),
                s.to() != null && s.to().isAfter(now) ? s.to() : now, s.lockstep());
        return commands.send(new EnforcementCommand(EnforcementCommand.Kind.APPLY, scope));
    }

    private Uni<Enforcement> move(String id, Set<String> from, String to, String actor, String note) {
        return enforcements.find(id).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(new NotFoundException("No enforcement '" + id + "'."));
            }
            return enforcements.transition(id, from, to, actor, note).onItem().ifNull()
                    .failWith(() -> new IllegalTransitionException("Enforcement " + id + " is " + current.status()
                            + "; it cannot become " + to + " (allowed from " + String.join(" or ", from) + ")."));
        });
    }

    static String enforcementId(String accountId, int proposalNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + ":" + proposalNumber).getBytes(StandardCharsets.UTF_8));
            return "enf-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
