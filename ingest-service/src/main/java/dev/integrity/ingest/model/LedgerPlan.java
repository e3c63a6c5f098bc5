package dev.integrity.ingest.model;

import java.util.ArrayList;
import java.util.List;

import dev.integrity.contract.AccountEvent;

/** Everything one batch of events changes in the ledger, computed before anything is written. */
public final class LedgerPlan {

    public final List<NewEdge> newFollows = new ArrayList<>();
    public final List<EndedEdge> endedFollows = new ArrayList<>();
    public final List<NewEdge> newLikes = new ArrayList<>();
    public final List<EndedEdge> endedLikes = new ArrayList<>();
    public final List<AccountEvent> comments = new ArrayList<>();
    /** Pairs unfollowed / unliked while an enforcement had removed their edge: they stay ended on revert. */
    public final List<EdgeKey> unfollowedWhileRemoved = new ArrayList<>();
    public final List<EdgeKey> unlikedWhileRemoved = new ArrayList<>();
    public final CountDeltas deltas = new CountDeltas();
    /** Follower counts from the batch's PROFILE_SNAPSHOTs, latest per account. */
    public final java.util.Map<String, Long> profileFollowers = new java.util.TreeMap<>();
}
