package dev.integrity.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.integrity.contract.enforcement.Impact;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.scoring.model.GuardDecision;
import dev.integrity.scoring.service.BlastRadiusGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The guard's bound is hard against the real Redis: forty enforcements of a farm, decided all at
 * once, each removing one follower from a small genuine account of 70, take at most a quarter of
 * them (17); the rest are held.
 */
@QuarkusTest
class GuardBoundIT {

    @Inject
    BlastRadiusGuard guard;

    @Test
    void fortyConcurrentDecisionsNeverTakeA70FollowerAccountPastAQuarter() {
        String receiver = "gb-" + UUID.randomUUID().toString().substring(0, 8);
        List<Uni<GuardDecision>> decisions = new ArrayList<>();
        for (int bot = 0; bot < 40; bot++) {
            // Every impact was computed before any of them applied: each sees all 70 followers.
            Impact impact = new Impact("enf-" + receiver + "-" + bot, receiver + "-bot" + bot, new Removed(1, 0, 0),
                    List.of(new ReceiverImpact(receiver, 70, 69, 0, 0)));
            decisions.add(guard.check(impact));
        }
        List<GuardDecision> all = Uni.join().all(decisions).andFailFast().await().atMost(Duration.ofSeconds(60));
        long applied = all.stream().filter(GuardDecision::apply).count();
        assertEquals(17, applied, "17 of 70 is the most a quarter allows");
        assertEquals(23, all.stream().filter(d -> d.cause() == GuardDecision.Cause.FOLLOWER_LOSS).count());
    }

    @Test
    void anEnforcementThatTakesNoFollowerFromAProtectedAccountAppliesWithNothingToReserve() {
        String owner = "gb-" + UUID.randomUUID().toString().substring(0, 8);
        Impact likesOnly = new Impact("enf-" + owner, owner + "-bot", new Removed(0, 30, 2), List.of(new ReceiverImpact(owner, 40, 40, 30, 2)));
        GuardDecision decision = guard.check(likesOnly).await().atMost(Duration.ofSeconds(10));
        assertEquals(GuardDecision.Cause.APPLIED, decision.cause(), decision.holdReason());
        assertEquals(0, decision.reservations().size());
    }

    @Test
    void anEnforcementTouchingThousandsOfProtectedReceiversIsDecidedAndReservedForEachOfThem() {
        String prefix = "gb-" + UUID.randomUUID().toString().substring(0, 8) + "-r";
        List<ReceiverImpact> receivers = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            receivers.add(new ReceiverImpact(prefix + i, 1000, 999, 0, 0));
        }
        Impact wide = new Impact("enf-" + prefix, prefix + "bot", new Removed(4000, 0, 0), receivers);
        GuardDecision decision = guard.check(wide).await().atMost(Duration.ofSeconds(30));
        assertEquals(GuardDecision.Cause.APPLIED, decision.cause(), decision.holdReason());
        assertEquals(4000, decision.reservations().size());
    }
}
