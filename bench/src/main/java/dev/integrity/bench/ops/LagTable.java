package dev.integrity.bench.ops;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints consumer groups' lag: one line per group and topic, optionally one per partition under it. */
public final class LagTable {

    private LagTable() {
    }

    public static void print(List<GroupLag> groups, boolean partitions, PrintWriter out) {
        if (groups.isEmpty()) {
            out.println("no consumer groups yet (the services create theirs when they start)");
            out.flush();
            return;
        }
        int g = Math.max("GROUP".length(), groups.stream().mapToInt(l -> l.group().length()).max().orElse(0));
        int t = Math.max("TOPIC".length(), groups.stream().flatMap(l -> l.topics().stream()).mapToInt(l -> l.topic().length()).max().orElse(0));
        String row = "%-" + g + "s  %-12s %7s  %-" + t + "s %12s  %s%n";
        out.printf(Locale.ROOT, row, "GROUP", "STATE", "MEMBERS", "TOPIC", "LAG", "PARTITIONS BEHIND");
        long total = 0;
        for (GroupLag group : groups) {
            String members = group.members() < 0 ? "-" : Integer.toString(group.members());
            if (group.topics().isEmpty()) {
                out.printf(Locale.ROOT, row, group.group(), group.state(), members, "(no committed offsets)", "-", "");
                continue;
            }
            for (GroupLag.TopicLag topic : group.topics()) {
                out.printf(Locale.ROOT, row, group.group(), group.state(), members, topic.topic(), String.format(Locale.ROOT, "%,d", topic.lag()),
                        topic.behind() + " of " + topic.partitions().size());
                if (partitions) {
                    for (GroupLag.PartitionLag p : topic.partitions()) {
                        out.printf(Locale.ROOT, "    partition %3d  committed %12s  end %,12d  lag %,12d%n", p.partition(),
                                p.committed() == null ? "none" : String.format(Locale.ROOT, "%,d", p.committed()), p.end(), p.lag());
                    }
                }
                total += topic.lag();
            }
        }
        out.printf(Locale.ROOT, "%ntotal lag %,d over %d group%s%n", total, groups.size(), groups.size() == 1 ? "" : "s");
        out.flush();
    }
}
