package dev.integrity.simulator.evaluation;

import dev.integrity.simulator.evaluation.EvaluationReport.ArchetypeRow;
import dev.integrity.simulator.evaluation.EvaluationReport.CelebrityRow;
import dev.integrity.simulator.evaluation.EvaluationReport.Detection;
import dev.integrity.simulator.evaluation.EvaluationReport.FarmRow;
import dev.integrity.contract.enforcement.AccountStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints an evaluation report as readable tables. */
public final class ReportTable {

    private ReportTable() {
    }

    public static void print(EvaluationReport r, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Evaluation at %s (%s)%n", r.evaluatedAt(), r.gateway());
        if (r.settled() != null) {
            out.printf(Locale.ROOT, "pipeline %s after %.0f s%n", r.settled().quiet() ? "quiet" : "still changing (settle time ran out)",
                    r.settled().seconds());
        }
        out.println();
        int width = r.archetypes().stream().mapToInt(a -> a.archetype().length()).max().orElse(0);
        String name = "%-" + Math.max("archetype".length(), width) + "s";
        out.printf(Locale.ROOT, name + " %5s %8s %8s %7s %8s %5s %7s %7s %6s %7s %7s  %s%n", "archetype", "label", "accounts", "flagged",
                "share", "enforced", "held", AccountStatus.CLEAN, AccountStatus.SUSPECT, AccountStatus.WARNED, AccountStatus.BLOCKED,
                "unknown", "removed follows/likes/comments");
        for (ArchetypeRow a : r.archetypes()) {
            out.printf(Locale.ROOT, name + " %5d %8d %8d %7s %8d %5d %7d %7d %6d %7d %7d  %,d/%,d/%,d%n", a.archetype(), a.label(),
                    a.accounts(), a.flagged(), percent(a.flaggedShare()), a.enforced(), a.held(), a.clean(), a.suspect(), a.warned(),
                    a.blocked(), a.unknown(), a.removedFollows(), a.removedLikes(), a.removedComments());
        }
        String lookalikes = r.archetypes().stream().filter(ArchetypeRow::lookalike)
                .map(a -> String.format(Locale.ROOT, "%s %d of %d", a.archetype(), a.flagged(), a.accounts()))
                .collect(Collectors.joining(", "));
        if (!lookalikes.isEmpty()) {
            // the genuine accounts shaped like a farm: every flag among them is a false positive of lockstep detection
            out.printf(Locale.ROOT, "genuine lookalikes flagged: %s%n", lookalikes);
        }
        out.println();
        detection(out, "flagged (SUSPECT, WARNED, BLOCKED or any enforcement)", r.flagged());
        detection(out, "enforced (an APPLIED enforcement)", r.enforced());

        EvaluationReport.Lockstep l = r.lockstep();
        out.println();
        out.printf(Locale.ROOT, "lockstep: %d groups found with %d members; purity %s; coverage %d of %d farm members (%s)%n",
                l.groupsFound(), l.membersInGroups(), percent(l.purity()), l.farmMembersInGroups(), l.farmMembers(), percent(l.coverage()));
        for (FarmRow f : l.farms()) {
            out.printf(Locale.ROOT, "  %-8s %3d members, %3d in groups %s%n", f.farm(), f.members(), f.inGroups(),
                    f.groups().isEmpty() ? "" : String.join(", ", f.groups()));
        }
        l.groups().stream().filter(g -> g.purity() == null || g.purity() < 1.0).forEach(g -> out.printf(Locale.ROOT,
                "  group %s: %d members, %d from %s; members by archetype %s%n", g.groupId(), g.members(), g.inDominantFarm(),
                g.dominantFarm() == null ? "no farm" : g.dominantFarm(), g.archetypes()));

        out.println();
        if (r.celebrities().isEmpty()) {
            out.println("celebrities who bought followers: none in this population");
        } else {
            out.println("celebrities who bought followers (ledger followers; removed by applied enforcements):");
            out.printf(Locale.ROOT, "  %-22s %7s %9s %9s %8s %14s %7s %7s %12s%n", "account", "bought", "followers", "removed", "by farms",
                    "other/genuine", "held", "bought%", "removed%");
            for (CelebrityRow c : r.celebrities()) {
                out.printf(Locale.ROOT, "  %-22s %7d %9d %9d %8d %14s %7d %7s %12s%n", c.accountId(), c.boughtFollowers(), c.followersBefore(),
                        c.removedFollows(), c.removedByFarms(), c.removedByOtherInauthentic() + "/" + c.removedByGenuine(), c.heldFollows(),
                        percent(c.boughtShare()), percent(c.removedShare()));
            }
        }

        out.println();
        out.printf(Locale.ROOT, "guard: %s%s; %d enforcements HELD in %d open review cases: %d decisions clear the queue%n",
                r.guard().state() == null ? "unknown" : r.guard().state(),
                r.guard().reason() == null || r.guard().reason().isBlank() ? "" : " (" + r.guard().reason() + ")", r.guard().held(),
                r.guard().openCases(), r.guard().openCases());
        out.printf(Locale.ROOT, "enforcements: %s%n", counts(r.enforcementsByStatus()));
        out.printf(Locale.ROOT, "messages in %d inboxes (read as %s): %s%n", r.messages().inboxesRead(), r.messages().readAs(),
                counts(r.messages().byKind()));
        for (String note : r.notes()) {
            out.println("note: " + note);
        }
    }

    private static void detection(PrintWriter out, String what, Detection d) {
        out.printf(Locale.ROOT, "%s: precision %s, recall %s, F1 %s, false-positive rate on genuine %s (TP %d, FP %d, FN %d, TN %d)%n", what,
                decimal(d.precision()), decimal(d.recall()), decimal(d.f1()), percent(d.falsePositiveRate()), d.truePositives(),
                d.falsePositives(), d.falseNegatives(), d.trueNegatives());
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none"
                : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String percent(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String decimal(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
