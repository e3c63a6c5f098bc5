package dev.integrity.simulator.evaluation;

import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.simulator.api.AccountView;
import dev.integrity.simulator.api.EnforcementView;
import dev.integrity.simulator.api.NotificationView;
import dev.integrity.simulator.evaluation.EvaluationReport.ArchetypeRow;
import dev.integrity.simulator.evaluation.EvaluationReport.CelebrityRow;
import dev.integrity.simulator.evaluation.EvaluationReport.Detection;
import dev.integrity.simulator.evaluation.EvaluationReport.FarmRow;
import dev.integrity.simulator.evaluation.EvaluationReport.GroupRow;
import dev.integrity.simulator.evaluation.EvaluationReport.Guard;
import dev.integrity.simulator.evaluation.EvaluationReport.Lockstep;
import dev.integrity.simulator.evaluation.EvaluationReport.Messages;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.model.TruthRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Compares the suite's view with the truth. Pure: the same truth and view give the same report. */
public final class Scorecard {

    private final List<TruthRecord> truth;
    private final SystemView view;
    private final Map<String, TruthRecord> truthById = new HashMap<>();
    private final Map<String, List<EnforcementView>> enforcementsByAccount = new HashMap<>();

    private Scorecard(List<TruthRecord> truth, SystemView view) {
        this.truth = truth;
        this.view = view;
        truth.forEach(t -> truthById.put(t.accountId(), t));
        view.enforcements().values().stream().sorted(Comparator.comparing(EnforcementView::id))
                .forEach(e -> enforcementsByAccount.computeIfAbsent(e.accountId(), a -> new ArrayList<>()).add(e));
    }

    public static EvaluationReport compute(List<TruthRecord> truth, SystemView view, Instant at, String gateway,
            EvaluationReport.Settled settled) {
        Scorecard s = new Scorecard(truth, view);
        List<String> notes = new ArrayList<>(view.notes());
        return new EvaluationReport(at, gateway, settled, s.archetypes(), s.detection(s::flagged), s.detection(s::enforced),
                s.lockstep(), s.celebrities(), s.guard(), s.enforcementsByStatus(), s.messages(), null, notes);
    }

    boolean flagged(TruthRecord t) {
        AccountView a = view.accounts().get(t.accountId());
        return (a != null && a.accountStatus().isFlagged()) || !enforcements(t.accountId()).isEmpty();
    }

    boolean enforced(TruthRecord t) {
        return enforcements(t.accountId()).stream().anyMatch(e -> e.is(EnforcementStatus.APPLIED));
    }

    private List<EnforcementView> enforcements(String accountId) {
        return enforcementsByAccount.getOrDefault(accountId, List.of());
    }

    private List<ArchetypeRow> archetypes() {
        List<ArchetypeRow> rows = new ArrayList<>();
        for (Archetype archetype : Archetype.values()) {
            List<TruthRecord> members = truth.stream().filter(t -> t.archetype() == archetype).toList();
            if (members.isEmpty()) {
                continue;
            }
            int flagged = 0, enforced = 0, held = 0, clean = 0, suspect = 0, warned = 0, blocked = 0, unknown = 0;
            long follows = 0, likes = 0, comments = 0;
            for (TruthRecord t : members) {
                AccountView a = view.accounts().get(t.accountId());
                flagged += flagged(t) ? 1 : 0;
                enforced += enforced(t) ? 1 : 0;
                held += enforcements(t.accountId()).stream().anyMatch(e -> e.is(EnforcementStatus.HELD)) ? 1 : 0;
                if (a == null) {
                    unknown++;
                    continue;
                }
                switch (a.accountStatus()) {
                    case CLEAN -> clean++;
                    case SUSPECT -> suspect++;
                    case WARNED -> warned++;
                    case BLOCKED -> blocked++;
                }
                follows += a.removed().follows();
                likes += a.removed().likes();
                comments += a.removed().comments();
            }
            rows.add(new ArchetypeRow(archetype.name(), archetype.label(), archetype.isLookalike(), members.size(), flagged,
                    ratio(flagged, members.size()), enforced, held, clean, suspect, warned, blocked, unknown, follows, likes, comments));
        }
        return rows;
    }

    private Detection detection(Predicate<TruthRecord> positive) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (TruthRecord t : truth) {
            boolean p = positive.test(t);
            if (t.inauthentic()) {
                tp += p ? 1 : 0;
                fn += p ? 0 : 1;
            } else {
                fp += p ? 1 : 0;
                tn += p ? 0 : 1;
            }
        }
        Double precision = ratio(tp, tp + fp);
        Double recall = ratio(tp, tp + fn);
        Double f1 = precision == null || recall == null || precision + recall == 0 ? null : 2 * precision * recall / (precision + recall);
        return new Detection(tp, fp, fn, tn, precision, recall, f1, ratio(fp, fp + tn));
    }

    private Lockstep lockstep() {
        Map<String, List<TruthRecord>> groups = new TreeMap<>();
        for (TruthRecord t : truth) {
            Groups.of(view.accounts().get(t.accountId()), enforcements(t.accountId()))
                    .ifPresent(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(t));
        }
        List<GroupRow> rows = new ArrayList<>();
        int members = 0;
        int dominantTotal = 0;
        Map<String, List<String>> groupsOfFarm = new TreeMap<>();
        for (Map.Entry<String, List<TruthRecord>> g : groups.entrySet()) {
            Map<String, Integer> byFarm = new TreeMap<>();
            Map<String, Integer> byArchetype = new TreeMap<>();
            for (TruthRecord t : g.getValue()) {
                byArchetype.merge(t.archetype().name(), 1, Integer::sum);
                if (t.inFarm()) {
                    byFarm.merge(t.group(), 1, Integer::sum);
                    List<String> of = groupsOfFarm.computeIfAbsent(t.group(), k -> new ArrayList<>());
                    if (!of.contains(g.getKey())) {
                        of.add(g.getKey());
                    }
                }
            }
            Map.Entry<String, Integer> dominant = byFarm.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
            int inDominant = dominant == null ? 0 : dominant.getValue();
            rows.add(new GroupRow(g.getKey(), g.getValue().size(), dominant == null ? null : dominant.getKey(), inDominant,
                    ratio(inDominant, g.getValue().size()), byArchetype));
            members += g.getValue().size();
            dominantTotal += inDominant;
        }
        Map<String, Integer> farmSizes = new TreeMap<>();
        Map<String, Integer> farmFound = new TreeMap<>();
        for (TruthRecord t : truth) {
            if (t.inFarm()) {
                farmSizes.merge(t.group(), 1, Integer::sum);
                boolean found = Groups.of(view.accounts().get(t.accountId()), enforcements(t.accountId())).isPresent();
                farmFound.merge(t.group(), found ? 1 : 0, Integer::sum);
            }
        }
        List<FarmRow> farms = new ArrayList<>();
        farmSizes.forEach((farm, size) -> farms.add(new FarmRow(farm, size, farmFound.get(farm), groupsOfFarm.getOrDefault(farm, List.of()))));
        int farmMembers = farmSizes.values().stream().mapToInt(Integer::intValue).sum();
        int farmFoundTotal = farmFound.values().stream().mapToInt(Integer::intValue).sum();
        return new Lockstep(groups.size(), members, ratio(dominantTotal, members), farmMembers, farmFoundTotal,
                ratio(farmFoundTotal, farmMembers), rows, farms);
    }

    private List<CelebrityRow> celebrities() {
        Map<String, long[]> removed = new HashMap<>(); // farm, other inauthentic, genuine, held
        for (EnforcementView e : view.enforcements().values()) {
            boolean applied = e.is(EnforcementStatus.APPLIED);
            if (!applied && !e.is(EnforcementStatus.HELD)) {
                continue;
            }
            TruthRecord actor = truthById.get(e.accountId());
            for (ReceiverImpact r : view.impacts().getOrDefault(e.id(), List.of())) {
                long follows = Math.max(0, r.followersBefore() - r.followersAfter());
                long[] sums = removed.computeIfAbsent(r.accountId(), k -> new long[4]);
                if (!applied) {
                    sums[3] += follows;
                } else if (actor != null && actor.archetype() == Archetype.BOT_FARM) {
                    sums[0] += follows;
                } else if (actor != null && actor.inauthentic()) {
                    sums[1] += follows;
                } else {
                    sums[2] += follows;
                }
            }
        }
        List<CelebrityRow> rows = new ArrayList<>();
        for (TruthRecord t : truth) {
            if (t.archetype() != Archetype.CELEBRITY || t.boughtFollowers() <= 0) {
                continue;
            }
            long[] sums = removed.getOrDefault(t.accountId(), new long[4]);
            AccountView a = view.accounts().get(t.accountId());
            long now = a == null ? 0 : a.followerCount();
            long total = sums[0] + sums[1] + sums[2];
            long before = now + total;
            rows.add(new CelebrityRow(t.accountId(), t.boughtFollowers(), now, before, total, sums[0], sums[1], sums[2], sums[3],
                    ratio(t.boughtFollowers(), before), ratio(total, before), ratio(sums[0], t.boughtFollowers())));
        }
        return rows;
    }

    private Guard guard() {
        int held = (int) view.enforcements().values().stream().filter(e -> e.is(EnforcementStatus.HELD)).count();
        return view.guard() == null ? new Guard(null, null, null, held, view.openCases())
                : new Guard(view.guard().state(), view.guard().reason(), view.guard().openedAt(), held, view.openCases());
    }

    private Map<String, Long> enforcementsByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        view.enforcements().values().forEach(e -> counts.merge(e.enforcementStatus().name(), 1L, Long::sum));
        return counts;
    }

    private Messages messages() {
        Map<String, Long> byKind = new TreeMap<>();
        for (List<NotificationView> inbox : view.inboxes().values()) {
            inbox.forEach(n -> byKind.merge(n.kind(), 1L, Long::sum));
        }
        return new Messages(view.inboxes().size(), view.inboxReader(), byKind);
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
