package dev.integrity.scoring.decision;

import java.time.Duration;

/** The settings the specifications run with: the service's defaults, spelled out here so that a spec reads on its own. */
final class Kernel {

    static final PolicySettings POLICY = new PolicySettings(50, 0.5, 100, 0.15, 5);
    static final LockstepSettings LOCKSTEP = new LockstepSettings(Duration.ofMinutes(10), 8, 2000, 50, 20, 0.5, 5);
    static final GuardSettings GUARD = new GuardSettings(0.25, 10, Duration.ofDays(1), 5000, Duration.ofMinutes(10), 200_000, 0.05, 1000);

    private Kernel() {
    }
}
