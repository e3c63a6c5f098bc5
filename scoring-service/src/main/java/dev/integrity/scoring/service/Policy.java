package dev.integrity.scoring.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.model.AccountFeatures;
import dev.integrity.scoring.model.AccountState;
import dev.integrity.scoring.model.LockstepHit;
import dev.integrity.scoring.model.ModelResult;
import dev.integrity.scoring.model.Proposal;
import dev.integrity.scoring.model.Verdict;

/**
 * Decides, from an account's features, model score, lockstep membership and ladder state, what the
 * account's status is and whether an enforcement is due. Pure and deterministic.
 * <ul>
 * <li>Evidence is inauthentic engagement: enough follows, likes and comments through a third-party
 * app, as most of the account's engagement, corroborated by the model, by volume or by
 * machine-regular timing; or membership of a lockstep group. A profile score alone never is.</li>
 * <li>First-party engagement, however heavy, and apps that only post give no evidence at all.</li>
 * <li>The ladder: REMOVE_AND_WARN (strike 1), then on continued engagement through a flagged app
 * after the warning REMOVE_AND_WARN as a final warning (strike 2), then BLOCK (strike 3).</li>
 * </ul>
 */
@ApplicationScoped
public class Policy {

    private static final String[] KIND_NAMES = { "F", "follows", "L", "likes", "C", "comments" };

    private final ScoringConfig.Policy config;

    public Policy(ScoringConfig config) {
        this.config = config.policy();
    }

    /**
     * @param repeatEngagement engagement through the account's flagged apps after its warning, in this batch
     * @param hasOpenEnforcement an enforcement of the account is PROPOSED or HELD: nothing new is proposed
     */
    public Verdict decide(AccountState state, AccountFeatures f, ModelResult model, LockstepHit lockstep,
            int repeatEngagement, Instant latest, boolean hasOpenEnforcement) {
        List<String> reasons = new ArrayList<>();
        List<String> flaggedApps = new ArrayList<>();
        boolean appEvidence = thirdPartyEvidence(f, model, reasons, flaggedApps);
        if (lockstep != null) {
            reasons.add(String.format(Locale.ROOT, "Acts in lockstep with %d other accounts (group %s): the same %d targets within the same short windows",
                    lockstep.members().size() - 1, lockstep.groupId(), lockstep.windows().size()));
        }
        boolean evidence = appEvidence || lockstep != null;
        if (evidence && model.flagged()) {
            reasons.addAll(model.reasons());
        }

        if (state.isBlocked()) {
            return new Verdict(state.withScore(AccountState.BLOCKED, model.probability(), model.modelId(), keep(state, reasons)), null);
        }
        if (state.isWarned()) {
            return warnedVerdict(state, model, repeatEngagement, latest, hasOpenEnforcement);
        }
        if (!evidence && hasOpenEnforcement) {
            // Quiet for now, but its enforcement is still proposed or held: it stays suspect, for the same reasons.
            return new Verdict(state.withScore(AccountState.SUSPECT, model.probability(), model.modelId(), keep(state, reasons)), null);
        }
        String status = evidence ? AccountState.SUSPECT : AccountState.CLEAN;
        AccountState next = state.withScore(status, model.probability(), model.modelId(), reasons);
        if (!evidence || hasOpenEnforcement) {
            return new Verdict(next, null);
        }
        int strike = Math.min(3, state.strikes() + 1);
        Proposal proposal = new Proposal(EnforcementService.enforcementId(state.accountId(), state.enforcementCount()),
                state.accountId(), strike >= 3 ? "BLOCK" : "REMOVE_AND_WARN", strike, flaggedApps, Instant.EPOCH, latest, lockstep == null ? List.of() : lockstep.windows(), reasons,
                model.modelId(), lockstep == null ? null : lockstep.groupId());
        return new Verdict(next.withProposal(), proposal);
    }

    private Verdict warnedVerdict(AccountState state, ModelResult model, int repeatEngagement, Instant latest, boolean hasOpenEnforcement) {
        int repeats = state.repeatEngagement() + repeatEngagement;
        AccountState next = state.withScore(AccountState.WARNED, model.probability(), model.modelId(), state.reasons())
                .withRepeatEngagement(repeats);
        if (repeats < config.minRepeatEngagement() || hasOpenEnforcement) {
            return new Verdict(next, null);
        }
        int strike = Math.min(3, state.strikes() + 1);
        List<String> reasons = List.of(String.format(Locale.ROOT,
                "Kept engaging through %s after a warning (%d actions since it)", quoted(state.flaggedApps()), repeats));
        Proposal proposal = new Proposal(EnforcementService.enforcementId(state.accountId(), state.enforcementCount()),
                state.accountId(), strike >= 3 ? "BLOCK" : "REMOVE_AND_WARN", strike, state.flaggedApps(), state.warnedAt(), latest, List.of(), reasons, model.modelId(), state.groupId());
        return new Verdict(next.withProposal(), proposal);
    }

    private boolean thirdPartyEvidence(AccountFeatures f, ModelResult model, List<String> reasons, List<String> flaggedApps) {
        if (f.thirdPartyShare24h() < config.minThirdPartyShare()) {
            return false;
        }
        for (Map.Entry<String, Map<String, Long>> app : f.byApp24h().entrySet()) {
            long appTotal = app.getValue().values().stream().mapToLong(Long::longValue).sum();
            if (appTotal < config.minThirdPartyEngagement()) {
                continue;
            }
            flaggedApps.add(app.getKey());
            for (int k = 0; k < KIND_NAMES.length; k += 2) {
                long through = app.getValue().getOrDefault(KIND_NAMES[k], 0L);
                long all = f.engagement24h().getOrDefault(KIND_NAMES[k], 0L);
                if (through > 0) {
                    reasons.add(String.format(Locale.ROOT, "%d of %d %s in the last 24 h came through third-party app '%s'",
                            through, all, KIND_NAMES[k + 1], app.getKey()));
                }
            }
        }
        if (flaggedApps.isEmpty()) {
            return false;
        }
        List<String> corroboration = new ArrayList<>();
        if (model.flagged()) {
            corroboration.add(String.format(Locale.ROOT, "Authenticity model %s rates the account %.0f%% likely inauthentic",
                    model.modelId(), model.probability() * 100));
        }
        if (f.follows1h() >= config.highFollowsPerHour()) {
            corroboration.add(f.follows1h() + " follows in the last hour");
        }
        if (!Double.isNaN(f.intervalCv()) && f.intervalCv() <= config.regularIntervalCv()) {
            corroboration.add(String.format(Locale.ROOT, "Machine-regular timing between actions (variation %.2f)", f.intervalCv()));
        }
        if (f.thirdPartyEngagement24h() >= 3 * config.minThirdPartyEngagement()) {
            corroboration.add(f.thirdPartyEngagement24h() + " actions through third-party apps in 24 h");
        }
        if (corroboration.isEmpty()) {
            flaggedApps.clear();
            return false;
        }
        reasons.addAll(corroboration);
        return true;
    }

    private static List<String> keep(AccountState state, List<String> fresh) {
        return state.reasons().isEmpty() ? fresh : state.reasons();
    }

    private static String quoted(List<String> apps) {
        return apps.stream().map(a -> "'" + a + "'").reduce((a, b) -> a + ", " + b).orElse("a flagged app");
    }
}
