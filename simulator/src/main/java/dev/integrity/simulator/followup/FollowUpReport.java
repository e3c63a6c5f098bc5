package dev.integrity.simulator.followup;

import java.util.List;

/**
 * What the follow-up phase saw and did.
 *
 * @param persistentWarned   PERSISTENT accounts that got a warning within the phase
 * @param bursts             bursts of engagement they sent after warnings (one per warning)
 * @param persistentBlocked  PERSISTENT accounts whose inbox showed ACCOUNT_BLOCKED by the end
 * @param compliersComplied  COMPLIER accounts that changed password and revoked the apps
 * @param unreachable        accounts whose inbox could not be read (with why), at most a few
 */
public record FollowUpReport(int persistent, int persistentWarned, int bursts, int persistentBlocked, int compliers,
        int compliersWarned, int compliersComplied, long eventsSent, double seconds, boolean finishedEarly, List<String> unreachable) {

    public FollowUpReport {
        unreachable = List.copyOf(unreachable);
    }

    public static FollowUpReport skipped() {
        return new FollowUpReport(0, 0, 0, 0, 0, 0, 0, 0, 0, true, List.of());
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "follow-up (%.0f s%s): PERSISTENT %d, warned %d, %d bursts sent, blocked %d; COMPLIER %d, warned %d, complied %d; "
                        + "%d events sent",
                seconds, finishedEarly ? ", all done" : ", time up", persistent, persistentWarned, bursts, persistentBlocked, compliers,
                compliersWarned, compliersComplied, eventsSent);
    }
}
