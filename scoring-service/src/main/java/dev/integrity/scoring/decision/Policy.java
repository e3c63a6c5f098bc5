package dev.integrity.scoring.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.scoring.model.AccountFeatures;
import dev.integrity.scoring.model.AccountState;
import dev.integrity.scoring.model.LockstepHit;
import dev.integrity.scoring.model.ModelResult;
import dev.integrity.scoring.model.Proposal;
import dev.integrity.scoring.model.Verdict;

/**
 * Decides, from an account's features, model score, lockstep membership and ladder state, what the
 * account's status is and whether an enforcement is due.
 * <ul>
 * <li>Evidence is inauthentic engagement: enough follows, likes and comments through a third-party
 * app, as most of the account's engagement, corroborated by the model, by volume or by
 * machine-regular timing; or membership of a lockstep group. A profile score alone never is.</li>
 * <li>First-party engagement, however heavy, and apps that only post give no evidence at all.</li>
 * <li>The ladder ({@link StrikeLadder}): a first warning, then on continued engagement through a
 * flagged app a final warning, then a block.</li>
 * </ul>
 */
public final class Policy {

    private static final String[] KIND_NAMES = { "F", "follows", "L", "likes", "C", "comments" };

    private final PolicySettings settings;

    public Policy(PolicySettings settings) {
        this.settings = settings;
    }

    /**
     * @param repeatEngagement engagement through the account's flagged apps after its warning, in this batch
     * @param latest the account's latest event time: the proposal's scope ends there
     * @param hasOpenEnforcement an enforcement of the account is in flight: nothing new is proposed
     */
    public Verdict decide(AccountState state, AccountFeatures f, ModelResult model, LockstepHit lockstep,
            int repeatEngagement, Instant latest, boolean hasOpenEnforcement) {
        List<String> reasons = new ArrayList<>();
        List<String> flaggedApps = new ArrayList<>();
        boolean appEvidence = thirdPartyEvidence(f, model, reasons, flaggedApps);
        if (lockstep != null) {
            reasons.add(String.format(Locale.ROOT,
                    "Acts in lockstep with %d other accounts (group %s): the same actions on %d targets within the same short windows",
                    lockstep.members().size() - 1, lockstep.groupId(), lockstep.windows().stream().map(w -> w.targetAccountId()).distinct().count()));
        }
        boolean evidence = appEvidence || lockstep != null;
        if (evidence && model.flagged()) {
            reasons.addAll(model.reasons());
        }

        if (state.status() == AccountStatus.BLOCKED) {
            return new Verdict(state.withScore(AccountStatus.BLOCKED, model.probability(), model.modelId(), keep(state, reasons)), null);
        }
        if (state.status() == AccountStatus.WARNED) {
            return warnedVerdict(state, model, repeatEngagement, latest, hasOpenEnforcement);
        }
        if (!evidence && hasOpenEnforcement) {
            // Quiet for now, but its enforcement is still in flight: it stays suspect, for the same reasons.
            return new Verdict(state.withScore(AccountStatus.SUSPECT, model.probability(), model.modelId(), keep(state, reasons)), null);
        }
        AccountState next = state.withScore(evidence ? AccountStatus.SUSPECT : AccountStatus.CLEAN, model.probability(), model.modelId(), reasons);
        if (!evidence || hasOpenEnforcement) {
            return new Verdict(next, null);
        }
        int strike = StrikeLadder.nextStrike(state);
        Proposal proposal = new Proposal(StrikeLadder.enforcementId(state.accountId(), state.enforcementCount()), state.accountId(),
                StrikeLadder.actionFor(strike), strike, flaggedApps, Instant.EPOCH, latest, lockstep == null ? List.of() : lockstep.windows(),
                reasons, model.modelId(), lockstep == null ? null : lockstep.groupId());
        return new Verdict(next.withProposal(), proposal);
    }

    private Verdict warnedVerdict(AccountState state, ModelResult model, int repeatEngagement, Instant latest, boolean hasOpenEnforcement) {
        int repeats = state.repeatEngagement() + repeatEngagement;
        AccountState next = state.withScore(AccountStatus.WARNED, model.probability(), model.modelId(), state.reasons())
                .withRepeatEngagement(repeats);
        if (repeats < settings.minRepeatEngagement() || hasOpenEnforcement) {
            return new Verdict(next, null);
        }
        int strike = StrikeLadder.nextStrike(state);
        List<String> reasons = List.of(String.format(Locale.ROOT,
                "Kept engaging through %s after a warning (%d actions since it)", quoted(state.flaggedApps()), repeats));
        Proposal proposal = new Proposal(StrikeLadder.enforcementId(state.accountId(), state.enforcementCount()), state.accountId(),
                StrikeLadder.actionFor(strike), strike, state.flaggedApps(), state.warnedAt(), latest, List.of(), reasons, model.modelId(),
                state.groupId());
        return new Verdict(next.withProposal(), proposal);
    }

    private boolean thirdPartyEvidence(AccountFeatures f, ModelResult model, List<String> reasons, List<String> flaggedApps) {
        if (f.thirdPartyShare24h() < settings.minThirdPartyShare()) {
            return false;
        }
        List<String> appReasons = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> app : f.byApp24h().entrySet()) {
            long appTotal = app.getValue().values().stream().mapToLong(Long::longValue).sum();
            if (appTotal < settings.minThirdPartyEngagement()) {
                continue;
            }
            flaggedApps.add(app.getKey());
            for (int k = 0; k < KIND_NAMES.length; k += 2) {
                long through = app.getValue().getOrDefault(KIND_NAMES[k], 0L);
                long all = f.engagement24h().getOrDefault(KIND_NAMES[k], 0L);
                if (through > 0) {
                    appReasons.add(String.format(Locale.ROOT, "%d of %d %s in the last 24 h came through third-party app '%s'",
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
        if (f.follows1h() >= settings.highFollowsPerHour()) {
            corroboration.add(f.follows1h() + " follows in the last hour");
        }
        if (!Double.isNaN(f.intervalCv()) && f.intervalCv() <= settings.regularIntervalCv()) {
            corroboration.add(String.format(Locale.ROOT, "Machine-regular timing between actions (variation %.2f)", f.intervalCv()));
        }
        if (f.thirdPartyEngagement24h() >= 3 * settings.minThirdPartyEngagement()) {
            corroboration.add(f.thirdPartyEngagement24h() + " actions through third-party apps in 24 h");
        }
        if (corroboration.isEmpty()) {
            flaggedApps.clear();
            return false;
        }
        reasons.addAll(appReasons);
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
