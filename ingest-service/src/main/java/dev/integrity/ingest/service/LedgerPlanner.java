package dev.integrity.ingest.service;

import static dev.integrity.ingest.model.CountDeltas.Column.COMMENTS_GIVEN;
import static dev.integrity.ingest.model.CountDeltas.Column.COMMENTS_RECEIVED;
import static dev.integrity.ingest.model.CountDeltas.Column.FOLLOWERS;
import static dev.integrity.ingest.model.CountDeltas.Column.FOLLOWING;
import static dev.integrity.ingest.model.CountDeltas.Column.LIKES_GIVEN;
import static dev.integrity.ingest.model.CountDeltas.Column.LIKES_RECEIVED;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.AppClassifier;
import dev.integrity.ingest.model.ActiveEdge;
import dev.integrity.ingest.model.CountDeltas;
import dev.integrity.ingest.model.EdgeKey;
import dev.integrity.ingest.model.EndedEdge;
import dev.integrity.ingest.model.LedgerPlan;
import dev.integrity.ingest.model.NewEdge;

/**
 * Plays a batch of new events, in order, against the edges active before it and produces the
 * ledger changes. Pure: the repository loads the active edges and writes the plan.
 * FOLLOW on an active pair and UNFOLLOW on an inactive one change nothing (the network, not the
 * event count, is what the ledger keeps).
 */
@ApplicationScoped
public class LedgerPlanner {

    private final AppClassifier apps;

    public LedgerPlanner(AppClassifier apps) {
        this.apps = apps;
    }

    public boolean isThirdParty(String clientAppId) {
        return apps.isThirdParty(clientAppId);
    }

    /**
     * @param events new events only (already deduplicated), in Kafka order
     * @param activeFollows active follow edges for the batch's pairs, by (follower, followee)
     * @param activeLikes active like edges for the batch's pairs, by (account, mediaId)
     */
    public LedgerPlan plan(List<AccountEvent> events, Map<EdgeKey, ActiveEdge> activeFollows,
            Map<EdgeKey, ActiveEdge> activeLikes) {
        LedgerPlan plan = new LedgerPlan();
        Map<EdgeKey, Object> follows = new HashMap<>(activeFollows);
        Map<EdgeKey, Object> likes = new HashMap<>(activeLikes);
        for (AccountEvent event : events) {
            switch (event.type()) {
                case FOLLOW -> start(plan, follows, plan.newFollows, new EdgeKey(event.accountId(), event.targetAccountId()), event, FOLLOWING, FOLLOWERS);
                case UNFOLLOW -> end(plan, follows, plan.endedFollows, plan.unfollowedWhileRemoved, new EdgeKey(event.accountId(), event.targetAccountId()), event, FOLLOWING, FOLLOWERS);
                case LIKE -> start(plan, likes, plan.newLikes, new EdgeKey(event.accountId(), event.mediaId()), event, LIKES_GIVEN, LIKES_RECEIVED);
                case UNLIKE -> end(plan, likes, plan.endedLikes, plan.unlikedWhileRemoved, new EdgeKey(event.accountId(), event.mediaId()), event, LIKES_GIVEN, LIKES_RECEIVED);
                case COMMENT -> {
                    plan.comments.add(event);
                    plan.deltas.add(event.accountId(), COMMENTS_GIVEN, 1);
                    plan.deltas.add(event.targetAccountId(), COMMENTS_RECEIVED, 1);
                }
                case PROFILE_SNAPSHOT -> plan.profileFollowers.put(event.accountId(), event.profile().followerCount());
                default -> {
                    // Not engagement: the ledger only records that the event was seen.
                }
            }
        }
        return plan;
    }

    private void start(LedgerPlan plan, Map<EdgeKey, Object> active, List<NewEdge> created, EdgeKey key,
            AccountEvent event, CountDeltas.Column given, CountDeltas.Column received) {
        if (active.containsKey(key)) {
            return;
        }
        NewEdge edge = new NewEdge(key, event.targetAccountId(), event.occurredAt(), event.eventId(),
                event.clientAppId(), apps.isThirdParty(event.clientAppId()));
        created.add(edge);
        active.put(key, edge);
        plan.deltas.add(event.accountId(), given, 1);
        plan.deltas.add(edge.owner, received, 1);
    }

    private void end(LedgerPlan plan, Map<EdgeKey, Object> active, List<EndedEdge> ended, List<EdgeKey> endedWhileRemoved,
            EdgeKey key, AccountEvent event, CountDeltas.Column given, CountDeltas.Column received) {
        Object edge = active.remove(key);
        if (edge == null) {
            endedWhileRemoved.add(key);
            return;
        }
        String owner;
        if (edge instanceof NewEdge created) {
            created.endedAt = event.occurredAt();
            owner = created.owner;
        } else {
            ActiveEdge existing = (ActiveEdge) edge;
            ended.add(new EndedEdge(existing.id(), event.occurredAt()));
            owner = existing.owner();
        }
        plan.deltas.add(event.accountId(), given, -1);
        plan.deltas.add(owner, received, -1);
    }
}
