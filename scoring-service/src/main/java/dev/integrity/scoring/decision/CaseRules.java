package dev.integrity.scoring.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.LockstepWindow;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.contract.review.CaseKind;
import dev.integrity.contract.review.CaseStatus;
import dev.integrity.scoring.model.Enforcement;

/**
 * Review cases, as pure rules: which case a held enforcement joins, what a case adds up to from its
 * members, and whether a bulk decision may go ahead.
 * <p>
 * A held enforcement of a lockstep group's member joins that group's case: the group is one farm,
 * decided once. Otherwise, held to protect a receiver's followers, it joins that receiver's case.
 * Anything else is a case of its own.
 */
public final class CaseRules {

    private CaseRules() {
    }

    /** What a case's members share: its kind, the key no two open cases share, and its title. */
    public record Cause(CaseKind kind, String key, String title, String groupId) {
    }

    /**
     * The cause of a held enforcement.
     *
     * @param groupId the lockstep group the account belongs to now (groups merge), else the one it was proposed in, else null
     * @param protectedReceiver the receiver the guard held it for, or null
     */
    public static Cause cause(String enforcementId, String accountId, EnforcementAction action, String groupId, String protectedReceiver) {
        if (groupId != null && !groupId.isBlank()) {
            return new Cause(CaseKind.LOCKSTEP_GROUP, "group:" + groupId, "Lockstep group " + groupId, groupId);
        }
        if (protectedReceiver != null && !protectedReceiver.isBlank()) {
            return new Cause(CaseKind.PROTECTED_RECEIVER, "receiver:" + protectedReceiver,
                    "Held to protect " + protectedReceiver + "'s followers", null);
        }
        return new Cause(CaseKind.SINGLE, "enforcement:" + enforcementId, action + " of " + accountId, null);
    }

    /** The counts the queue shows. While the case is open they cover its HELD members; once closed, the members it applied. */
    public record Figures(List<String> enforcementIds, int held, Removed removed, int receivers) {
    }

    public static Figures figures(CaseStatus status, List<Enforcement> members) {
        List<Enforcement> counted = counted(status, members);
        long follows = 0;
        long likes = 0;
        long comments = 0;
        Set<String> receivers = new LinkedHashSet<>();
        for (Enforcement e : counted) {
            follows += e.removed().follows();
            likes += e.removed().likes();
            comments += e.removed().comments();
            e.receivers().forEach(r -> receivers.add(r.accountId()));
        }
        int held = (int) members.stream().filter(e -> e.status() == EnforcementStatus.HELD).count();
        return new Figures(members.stream().map(Enforcement::id).toList(), held, new Removed(follows, likes, comments), receivers.size());
    }

    /** One receiving account's followers before the counted members and after all of them, largest loss first. */
    public record ReceiverLoss(String accountId, long followersBefore, long followersAfter) {
    }

    /**
     * Per receiving account, summed over the counted members: before is the largest count any member's
     * impact saw (the receiver before any of them), after is that less every member's loss.
     */
    public static List<ReceiverLoss> impact(CaseStatus status, List<Enforcement> members) {
        Map<String, long[]> byReceiver = new LinkedHashMap<>();
        for (Enforcement e : counted(status, members)) {
            for (ReceiverImpact r : e.receivers()) {
                long[] sums = byReceiver.computeIfAbsent(r.accountId(), k -> new long[2]);
                sums[0] = Math.max(sums[0], r.followersBefore());
                sums[1] += Math.max(0, r.followersBefore() - r.followersAfter());
            }
        }
        List<ReceiverLoss> losses = new ArrayList<>();
        byReceiver.forEach((id, sums) -> losses.add(new ReceiverLoss(id, sums[0], Math.max(0, sums[0] - sums[1]))));
        losses.sort(Comparator.comparingLong((ReceiverLoss l) -> l.followersAfter() - l.followersBefore()).thenComparing(ReceiverLoss::accountId));
        return losses;
    }

    /** A reason and how many members give it. */
    public record ReasonCount(String reason, int enforcements) {
    }

    /** A target members engaged with in lockstep: the span of their windows, and how many members share it. */
    public record SharedTarget(String targetAccountId, EventType kind, Instant from, Instant to, int accounts) {
    }

    /** One member as the evidence shows it, with the lockstep targets it is enforced for. */
    public record Member(String enforcementId, String accountId, EnforcementAction action, EnforcementStatus status, Removed removed,
            List<String> targets) {
    }

    public record Evidence(String groupId, List<ReasonCount> reasons, List<Member> members, List<SharedTarget> sharedTargets) {
    }

    /** Reasons by how many members give them, every member, and the lockstep targets at least two members share. */
    public static Evidence evidence(String groupId, List<Enforcement> members) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        Map<String, SharedTarget> targets = new TreeMap<>();
        Map<String, Set<String>> targetAccounts = new LinkedHashMap<>();
        List<Member> shown = new ArrayList<>();
        for (Enforcement e : members) {
            new LinkedHashSet<>(e.reasons()).forEach(r -> reasons.merge(r, 1, Integer::sum));
            Set<String> own = new LinkedHashSet<>();
            for (LockstepWindow w : e.scope().lockstep()) {
                String key = w.targetAccountId() + "|" + (w.kind() == null ? "" : w.kind().name());
                own.add(w.targetAccountId());
                targetAccounts.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.accountId());
                SharedTarget before = targets.get(key);
                targets.put(key, before == null ? new SharedTarget(w.targetAccountId(), w.kind(), w.from(), w.to(), 0)
                        : new SharedTarget(w.targetAccountId(), w.kind(), min(before.from(), w.from()), max(before.to(), w.to()), 0));
            }
            shown.add(new Member(e.id(), e.accountId(), e.action(), e.status(), e.removed(), List.copyOf(own)));
        }
        List<SharedTarget> shared = new ArrayList<>();
        targets.forEach((key, t) -> {
            int accounts = targetAccounts.get(key).size();
            if (accounts >= 2) {
                shared.add(new SharedTarget(t.targetAccountId(), t.kind(), t.from(), t.to(), accounts));
            }
        });
        shared.sort(Comparator.comparingInt(SharedTarget::accounts).reversed().thenComparing(SharedTarget::targetAccountId));
        List<ReasonCount> counted = new ArrayList<>();
        reasons.forEach((r, n) -> counted.add(new ReasonCount(r, n)));
        counted.sort(Comparator.comparingInt(ReasonCount::enforcements).reversed());
        return new Evidence(groupId, counted, shown, shared);
    }

    /**
     * Why a bulk decision may not go ahead, or null when it may: the case must be open, hold exactly
     * the members the moderator saw, and no more than the bulk cap.
     */
    public static String refusal(String caseId, CaseStatus status, int held, int expected, int maxBulk) {
        if (status != CaseStatus.OPEN) {
            return "Case " + caseId + " is " + status + ": nothing in it is held any more.";
        }
        if (held != expected) {
            return "Case " + caseId + " holds " + held + " enforcements now, not " + expected
                    + ": it changed since it was read. Read it again and decide on what it holds now.";
        }
        if (held > maxBulk) {
            return "Case " + caseId + " holds " + held + " enforcements, more than one decision may apply (" + maxBulk
                    + "); decide its members one by one or raise scoring.cases.max-bulk.";
        }
        return null;
    }

    private static List<Enforcement> counted(CaseStatus status, List<Enforcement> members) {
        EnforcementStatus counts = status == CaseStatus.OPEN ? EnforcementStatus.HELD : EnforcementStatus.APPLIED;
        return members.stream().filter(e -> e.status() == counts).toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
