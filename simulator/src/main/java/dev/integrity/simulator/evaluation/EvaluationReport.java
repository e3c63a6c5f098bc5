package dev.integrity.simulator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the evaluation saw, as printed and written to JSON. Shares are 0..1; a ratio with nothing to
 * divide by is null (not computed), never a made-up 0 or 1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(
        Instant evaluatedAt,
        String gateway,
        Settled settled,
        List<ArchetypeRow> archetypes,
        Detection flagged,
        Detection enforced,
        Lockstep lockstep,
        List<CelebrityRow> celebrities,
        Guard guard,
        Map<String, Long> enforcementsByStatus,
        Messages messages,
        Object run,
        List<String> notes) {

    /** The same report with what the run did (population, sending, follow-up) attached. */
    public EvaluationReport withRun(Object runInfo) {
        return new EvaluationReport(evaluatedAt, gateway, settled, archetypes, flagged, enforced, lockstep, celebrities, guard,
                enforcementsByStatus, messages, runInfo, notes);
    }

    /** How the wait for a quiet pipeline ended. */
    public record Settled(boolean quiet, double seconds, int enforcementsListed) {
    }

    /**
     * One archetype. {@code lookalike}: genuine, with traffic shaped like coordinated engagement (a
     * crowd, likes on farm targets in the farms' minutes), so any flag on it is a false positive a
     * careless detector would make. {@code flagged}: status SUSPECT, WARNED or BLOCKED, or any
     * enforcement. {@code enforced}: an APPLIED enforcement. {@code unknown}: the suite has no such
     * account (404).
     */
    public record ArchetypeRow(String archetype, int label, boolean lookalike, int accounts, int flagged, Double flaggedShare,
            int enforced, int held, int clean, int suspect, int warned, int blocked, int unknown, long removedFollows, long removedLikes,
            long removedComments) {
    }

    /** Inauthentic (label 1) as the positive class, over every account of the population. */
    public record Detection(int truePositives, int falsePositives, int falseNegatives, int trueNegatives, Double precision,
            Double recall, Double f1, Double falsePositiveRate) {
    }

    /**
     * Lockstep groups the suite found among the population, against the bot farms.
     *
     * @param purity   members in their group's dominant farm / members of found groups (weighted over groups)
     * @param coverage farm members found in some group / farm members
     */
    public record Lockstep(int groupsFound, int membersInGroups, Double purity, int farmMembers, int farmMembersInGroups,
            Double coverage, List<GroupRow> groups, List<FarmRow> farms) {
    }

    /** One found group: its size, the farm most of its members are in, and the archetypes of its members. */
    public record GroupRow(String groupId, int members, String dominantFarm, int inDominantFarm, Double purity,
            Map<String, Integer> archetypes) {
    }

    /** One farm: its members, how many are in some found group, and which groups. */
    public record FarmRow(String farm, int members, int inGroups, List<String> groups) {
    }

    /**
     * A celebrity who bought followers. {@code followersBefore} = the ledger's follower count now plus
     * the follows removed from it by APPLIED enforcements. Removed follows are split by the truth of
     * the enforced account (bot farm, other inauthentic, genuine); {@code heldFollows} would go if the
     * HELD enforcements were approved.
     */
    public record CelebrityRow(String accountId, long boughtFollowers, long followersNow, long followersBefore, long removedFollows,
            long removedByFarms, long removedByOtherInauthentic, long removedByGenuine, long heldFollows, Double boughtShare,
            Double removedShare, Double boughtRemovedShare) {
    }

    /** The blast-radius breaker, the enforcements it holds, and the open review cases they form (one decision each). */
    public record Guard(String state, String reason, Instant openedAt, int held, int openCases) {
    }

    /** Messages in the inboxes read, by kind. */
    public record Messages(int inboxesRead, String readAs, Map<String, Long> byKind) {
    }
}
