package dev.integrity.scoring.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.scoring.model.AccountState;

/**
 * The strike ladder. Strike 1 is a warning (REMOVE_AND_WARN), strike 2 the final warning (again
 * REMOVE_AND_WARN), strike 3 a block. A warning is resolved (the account is CLEAN again, its
 * strikes kept) once the account changed its password after the warning and revoked every flagged
 * app. A revert takes its strike back. The ledger's outcome, not the proposal, moves the ladder, so
 * an enforcement that is held or rejected never counts.
 */
public final class StrikeLadder {

    private StrikeLadder() {
    }

    /** The strike the account's next enforcement gives. */
    public static int nextStrike(AccountState state) {
        return Math.min(EnforcementAction.BLOCK_STRIKE, state.strikes() + 1);
    }

    public static EnforcementAction actionFor(int strike) {
        return EnforcementAction.forStrike(strike);
    }

    /** An enforcement's id: derived from the account and its proposal count, so a replayed stream proposes the same id. */
    public static String enforcementId(String accountId, int proposalNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((accountId + ":" + proposalNumber).getBytes(StandardCharsets.UTF_8));
            return "enf-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The account after the ledger applied or reverted one of its enforcements; empty when the
     * outcome was seen before (the ladder already moved), so a redelivered outcome changes nothing.
     */
    public static Optional<AccountState> afterOutcome(AccountState state, EnforcementOutcome outcome) {
        if (outcome.status() == EnforcementOutcome.Status.APPLIED) {
            if (state.strikes() >= outcome.strike()) {
                return Optional.empty();
            }
            return Optional.of(new AccountState(state.accountId(), AccountStatus.after(outcome.action()), outcome.strike(),
                    state.enforcementCount(), state.riskScore(), state.modelVersion(), state.reasons(), outcome.apps(), outcome.at(), 0,
                    null, List.of(), state.groupId(), state.version()));
        }
        if (state.strikes() < outcome.strike()) {
            return Optional.empty();
        }
        int strikes = outcome.strike() - 1;
        return Optional.of(new AccountState(state.accountId(), strikes == 0 ? AccountStatus.CLEAN : AccountStatus.WARNED, strikes,
                state.enforcementCount(), state.riskScore(), state.modelVersion(),
                List.of("Enforcement " + outcome.enforcementId() + " was reverted"), strikes == 0 ? List.of() : state.flaggedApps(),
                state.warnedAt(), 0, null, List.of(), state.groupId(), state.version()));
    }

    /**
     * Takes in password changes and app revocations; a warned account that changed its password
     * after the warning and revoked every flagged app is resolved: CLEAN, strikes kept.
     */
    public static AccountState withCompliance(AccountState state, List<AccountEvent> events) {
        Instant password = state.passwordChangedAt();
        Set<String> revoked = new LinkedHashSet<>(state.revokedApps());
        boolean changed = false;
        for (AccountEvent e : events) {
            if (e.type() == EventType.PASSWORD_CHANGED && (password == null || e.occurredAt().isAfter(password))) {
                password = e.occurredAt();
                changed = true;
            } else if (e.type() == EventType.APP_REVOKED && e.appId() != null) {
                changed |= revoked.add(e.appId());
            }
        }
        if (!changed) {
            return state;
        }
        if (isResolved(state, password, revoked)) {
            return new AccountState(state.accountId(), AccountStatus.CLEAN, state.strikes(), state.enforcementCount(), state.riskScore(),
                    state.modelVersion(), List.of("Warning resolved: password changed and " + state.flaggedApps() + " disconnected"),
                    List.of(), state.warnedAt(), 0, password, List.copyOf(revoked), state.groupId(), state.version());
        }
        return state.withCompliance(password, List.copyOf(revoked));
    }

    /** Whether the warning of a warned account is resolved by these compliance facts. */
    public static boolean isResolved(AccountState state, Instant passwordChangedAt, Set<String> revokedApps) {
        boolean passwordAfterWarning = passwordChangedAt != null && state.warnedAt() != null && !passwordChangedAt.isBefore(state.warnedAt());
        return state.status() == AccountStatus.WARNED && passwordAfterWarning && revokedApps.containsAll(state.flaggedApps());
    }

    /** Engagement through the account's flagged apps after its warning, among the given new events. */
    public static int repeatEngagement(AccountState state, List<AccountEvent> events, Set<String> freshIds) {
        if (state.status() != AccountStatus.WARNED || state.warnedAt() == null) {
            return 0;
        }
        int repeats = 0;
        for (AccountEvent e : events) {
            if (freshIds.contains(e.eventId()) && e.type().isEngagement() && e.clientAppId() != null
                    && state.flaggedApps().contains(e.clientAppId()) && e.occurredAt().isAfter(state.warnedAt())) {
                repeats++;
            }
        }
        return repeats;
    }
}
