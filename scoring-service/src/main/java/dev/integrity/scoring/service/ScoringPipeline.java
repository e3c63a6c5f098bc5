package dev.integrity.scoring.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.integrity.contract.AccountEvent;
import dev.integrity.scoring.decision.Policy;
import dev.integrity.scoring.decision.StrikeLadder;
import dev.integrity.scoring.model.AccountFeatures;
import dev.integrity.scoring.model.AccountState;
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
import io.smallrye.mutiny.Uni;

/**
 * One batch of account events through scoring: record features (once per eventId), look for
 * lockstep, read each touched account's features and state, score, decide (the kernel's
 * {@link Policy} and {@link StrikeLadder}), and persist the new states with any proposals in one
 * transaction; then ask the ledger for the proposals' impact. A decision refused because another
 * writer changed an account meanwhile is taken again on fresh state, with the same lockstep hits:
 * they may name accounts outside this batch (a group reaches back to its early members).
 */
@ApplicationScoped
public class ScoringPipeline {

    private static final Logger LOG = Logger.getLogger(ScoringPipeline.class);

    private final FeatureStore features;
    private final LockstepDetector lockstep;
    private final AuthenticityScorer scorer;
    private final Policy policy;
    private final AccountStateRepository states;
    private final EnforcementRepository enforcements;
    private final EnforcementService lifecycle;
    private final ShadowScoreRepository shadowScores;
    private final Counter scored;
    private final Timer scoreTime;
    private final Clock clock;

    public ScoringPipeline(FeatureStore features, LockstepDetector lockstep, AuthenticityScorer scorer, Policy policy,
            AccountStateRepository states, EnforcementRepository enforcements, EnforcementService lifecycle,
            ShadowScoreRepository shadowScores, Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.features = features;
        this.lockstep = lockstep;
        this.scorer = scorer;
        this.policy = policy;
        this.states = states;
        this.enforcements = enforcements;
        this.lifecycle = lifecycle;
        this.shadowScores = shadowScores;
        this.scored = Counter.builder("scoring.events.scored").description("New events scored").register(registry);
        this.scoreTime = Timer.builder("scoring.model.score.time").description("Time to score one account").register(registry);
    }

    public Uni<Integer> process(List<AccountEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Every account of the batch is decided, even when all its events were seen before: a batch
        // redelivered after a failure between recording and deciding must still get its decisions.
        // Lockstep observes the whole batch, not only its new events: joining a bucket again changes
        // nothing, and a redelivered batch's accounts must find their groups again.
        return features.record(events).chain(freshIds -> lockstep.observe(events)
                .chain(hits -> decide(events, freshIds, hits)
                        .onFailure(StaleStateException.class).retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(200)).atMost(20))
                .replaceWith(freshIds.size())
                .invoke(n -> scored.increment(n)));
    }

    private Uni<Void> decide(List<AccountEvent> events, Set<String> freshIds, List<LockstepHit> hits) {
        Map<String, Instant> latest = new TreeMap<>();
        Map<String, List<AccountEvent>> byAccount = new HashMap<>();
        for (AccountEvent e : events) {
            latest.merge(e.accountId(), e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            byAccount.computeIfAbsent(e.accountId(), a -> new ArrayList<>()).add(e);
        }
        Map<String, LockstepHit> hitByAccount = new HashMap<>();
        for (LockstepHit hit : hits) {
            hitByAccount.put(hit.accountId(), hit);
            latest.putIfAbsent(hit.accountId(), hit.windows().stream().map(w -> w.to()).max(Instant::compareTo).orElse(Instant.now(clock)));
        }
        Set<String> accounts = latest.keySet();
        // Three independent reads (Redis, and PostgreSQL twice) side by side rather than one after another.
        return Uni.combine().all().unis(features.read(latest), states.load(accounts), enforcements.accountsWithOpenEnforcement(accounts))
                .asTuple().chain(read -> {
                    List<ShadowScoreRepository.ShadowScore> shadow = new ArrayList<>();
                    List<Verdict> verdicts = verdicts(accounts, read.getItem1(), read.getItem2(), read.getItem3(), byAccount, freshIds,
                            hitByAccount, latest, shadow);
                    return shadowScores.record(shadow).chain(() -> persist(verdicts));
                });
    }

    private List<Verdict> verdicts(Set<String> accounts, Map<String, AccountFeatures> features, Map<String, AccountState> states,
            Set<String> open, Map<String, List<AccountEvent>> byAccount, Set<String> freshIds, Map<String, LockstepHit> hits, Map<String, Instant> latest,
            List<ShadowScoreRepository.ShadowScore> shadow) {
        List<Verdict> verdicts = new ArrayList<>(accounts.size());
        for (String account : accounts) {
            AccountFeatures f = features.get(account);
            if (f == null || f.isEmpty()) {
                // Redis lost this account's features (or never had them): decide nothing rather than guess.
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
            verdicts.add(policy.decide(state, f, model, hit, StrikeLadder.repeatEngagement(state, events, freshIds), latest.get(account), open.contains(account)));
        }
        return verdicts;
    }

    private Uni<Void> persist(List<Verdict> verdicts) {
        List<AccountState> next = verdicts.stream().map(Verdict::state).toList();
        List<Verdict> proposing = verdicts.stream().filter(v -> v.proposal() != null).toList();
        return enforcements.pool().withTransaction(tx -> {
            Uni<Void> chain = states.saveAll(tx, next);
            for (Verdict v : proposing) {
                chain = chain.chain(() -> lifecycle.propose(tx, v.proposal()).replaceWithVoid());
            }
            return chain;
        }).chain(() -> {
            Uni<Void> impacts = Uni.createFrom().voidItem();
            for (Verdict v : proposing) {
                impacts = impacts.chain(() -> lifecycle.requestImpact(v.proposal().enforcementId()));
            }
            return impacts;
        }).invoke(() -> {
            if (!proposing.isEmpty()) {
                LOG.debugf("batch proposed %d enforcements", proposing.size());
            }
        });
    }
}
