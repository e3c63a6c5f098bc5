package dev.integrity.scoring.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.integrity.contract.AccountEvent;
import dev.integrity.observability.LogContext;
import dev.integrity.scoring.decision.Policy;
import dev.integrity.scoring.decision.StrikeLadder;
import dev.integrity.scoring.model.AccountFeatures;
import dev.integrity.scoring.messaging.ReachBackPublisher;
import dev.integrity.scoring.model.AccountState;
import dev.integrity.scoring.model.FeatureSnapshot;
import dev.integrity.scoring.model.LockstepHit;
import dev.integrity.scoring.model.ModelResult;
import dev.integrity.scoring.model.Proposal;
import dev.integrity.scoring.model.Verdict;
import dev.integrity.scoring.repository.AccountStateRepository;
import dev.integrity.scoring.repository.EnforcementRepository;
import dev.integrity.scoring.repository.ShadowScoreRepository;
import dev.integrity.scoring.repository.StaleStateException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;

/**
 * One batch of feature snapshots through scoring's decider: look for lockstep, read each account's
 * state, score, decide (the kernel's {@link Policy} and {@link StrikeLadder}), and persist the new
 * states with any proposals in one transaction; then ask the ledger for the proposals' impact. The
 * features come with the snapshots from the partition-local feature store
 * ({@link dev.integrity.scoring.stream.FeatureTopology}); a lockstep group that names an account
 * outside the batch sends the hit back to that account's partition, whose answer (a snapshot
 * carrying the hit) is decided when it arrives. A decision refused because another writer changed an
 * account meanwhile is taken again on fresh state.
 */
@ApplicationScoped
public class ScoringPipeline {

    private static final Logger LOG = Logger.getLogger(ScoringPipeline.class);

    @Inject
    LockstepDetector lockstep;
    @Inject
    ReachBackPublisher reachBack;
    @Inject
    AuthenticityScorer scorer;
    @Inject
    Policy policy;
    @Inject
    AccountStateRepository states;
    @Inject
    EnforcementRepository enforcements;
    @Inject
    EnforcementService lifecycle;
    @Inject
    ShadowScoreRepository shadowScores;
    @Inject
    MeterRegistry registry;
    private Counter scored;
    private Timer scoreTime;

    @PostConstruct
    void meters() {
        scored = Counter.builder("scoring.events.scored").description("New events scored").register(registry);
        scoreTime = Timer.builder("scoring.model.score.time").description("Time to score one account").register(registry);
    }

    /** The batch, each account's decision in the trace of its latest event ({@code traces} by account). */
    public Uni<Integer> process(List<FeatureSnapshot> snapshots, Map<String, Context> traces) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Every account of the batch is decided, even when all its events were seen before: a batch
        // redelivered after a failure between recording and deciding must still get its decisions.
        // Lockstep observes the whole batch, not only its new events: joining a bucket again changes
        // nothing, and a redelivered batch's accounts must find their groups again.
        List<AccountEvent> events = new ArrayList<>(snapshots.size());
        Set<String> freshIds = new HashSet<>();
        Map<String, FeatureSnapshot> latest = new TreeMap<>();
        Map<String, LockstepHit> carried = new HashMap<>();
        for (FeatureSnapshot snapshot : snapshots) {
            latest.put(snapshot.accountId(), snapshot);
            if (snapshot.event() != null) {
                events.add(snapshot.event());
                if (snapshot.fresh()) {
                    freshIds.add(snapshot.event().eventId());
                }
            }
            if (snapshot.hit() != null) {
                carried.merge(snapshot.accountId(), snapshot.hit(), LockstepHit::wider);
            }
        }
        return lockstep.observe(events).chain(hits -> {
            Map<String, LockstepHit> hitByAccount = new HashMap<>(carried);
            List<LockstepHit> elsewhere = new ArrayList<>();
            for (LockstepHit hit : hits) {
                if (latest.containsKey(hit.accountId())) {
                    hitByAccount.merge(hit.accountId(), hit, LockstepHit::wider);
                } else {
                    elsewhere.add(hit);
                }
            }
            return decide(events, latest, freshIds, hitByAccount, traces)
                    .onFailure(StaleStateException.class).retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(200)).atMost(20)
                    .chain(() -> reachBack.send(elsewhere));
        }).replaceWith(freshIds.size()).invoke(n -> scored.increment(n));
    }

    private Uni<Void> decide(List<AccountEvent> events, Map<String, FeatureSnapshot> latest, Set<String> freshIds, Map<String, LockstepHit> hits,
            Map<String, Context> traces) {
        Map<String, List<AccountEvent>> byAccount = new HashMap<>();
        for (AccountEvent e : events) {
            byAccount.computeIfAbsent(e.accountId(), a -> new ArrayList<>()).add(e);
        }
        Set<String> accounts = latest.keySet();
        // Two independent reads of PostgreSQL side by side rather than one after the other.
        return Uni.combine().all().unis(states.load(accounts), enforcements.accountsWithOpenEnforcement(accounts))
                .asTuple().chain(read -> {
                    List<ShadowScoreRepository.ShadowScore> shadow = new ArrayList<>();
                    List<Verdict> verdicts = verdicts(latest, read.getItem1(), read.getItem2(), byAccount, freshIds, hits, shadow);
                    return shadowScores.record(shadow).chain(() -> persist(verdicts, traces, latest));
                });
    }

    private List<Verdict> verdicts(Map<String, FeatureSnapshot> latest, Map<String, AccountState> states, Set<String> open,
            Map<String, List<AccountEvent>> byAccount, Set<String> freshIds, Map<String, LockstepHit> hits,
            List<ShadowScoreRepository.ShadowScore> shadow) {
        List<Verdict> verdicts = new ArrayList<>(latest.size());
        for (FeatureSnapshot snapshot : latest.values()) {
            String account = snapshot.accountId();
            AccountFeatures f = snapshot.features();
            if (f == null || f.isEmpty()) {
                // No behaviour recorded for this account: decide nothing rather than guess.
                continue;
            }
            AccountState state = states.getOrDefault(account, AccountState.clean(account));
            List<AccountEvent> events = byAccount.getOrDefault(account, List.of());
            state = StrikeLadder.withCompliance(state, events);
            LockstepHit hit = hits.get(account);
            if (hit != null) {
                state = state.withGroup(hit.groupId());
            }
            long start = System.nanoTime();
            ModelResult model = scorer.score(f);
            scoreTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            double candidate = scorer.shadowProbability(f);
            if (!Double.isNaN(candidate)) {
                shadow.add(new ShadowScoreRepository.ShadowScore(account, scorer.shadowModelId(), candidate, model.modelId(), model.probability()));
            }
            verdicts.add(policy.decide(state, f, model, hit, StrikeLadder.repeatEngagement(state, events, freshIds), snapshot.latest(), open.contains(account)));
        }
        return verdicts;
    }

    private Uni<Void> persist(List<Verdict> verdicts, Map<String, Context> traces, Map<String, FeatureSnapshot> latest) {
        List<AccountState> next = verdicts.stream().map(Verdict::state).toList();
        List<Verdict> proposing = verdicts.stream().filter(v -> v.proposal() != null).toList();
        return enforcements.pool().withTransaction(tx -> {
            Uni<Void> chain = states.saveAll(tx, next);
            for (Verdict v : proposing) {
                chain = chain.chain(() -> LogContext.around(traces.get(v.proposal().accountId()), ids(v.proposal(), latest),
                        () -> lifecycle.propose(tx, v.proposal())).replaceWithVoid());
            }
            return chain;
        }).chain(() -> {
            Uni<Void> impacts = Uni.createFrom().voidItem();
            for (Verdict v : proposing) {
                Context trace = traces.get(v.proposal().accountId());
                impacts = impacts.chain(() -> LogContext.around(trace, ids(v.proposal(), latest),
                        () -> lifecycle.requestImpact(v.proposal().enforcementId(), trace)));
            }
            return impacts;
        }).invoke(() -> {
            if (!proposing.isEmpty()) {
                LOG.debugf("batch proposed %d enforcements", proposing.size());
            }
        });
    }

    /** The ids of a proposal's log lines: its account, its enforcement and the account's latest event in the batch. */
    private static LogContext.Ids ids(Proposal p, Map<String, FeatureSnapshot> latest) {
        FeatureSnapshot snapshot = latest.get(p.accountId());
        String eventId = snapshot == null || snapshot.event() == null ? null : snapshot.event().eventId();
        return new LogContext.Ids(eventId, p.enforcementId(), p.accountId());
    }
}
