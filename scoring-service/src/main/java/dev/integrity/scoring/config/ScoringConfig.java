package dev.integrity.scoring.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.integrity.contract.AppClassifier;
import dev.integrity.scoring.decision.GuardSettings;
import dev.integrity.scoring.decision.LockstepSettings;
import dev.integrity.scoring.decision.PolicySettings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of the scoring service (prefix {@code scoring}): policy, lockstep, guard, model. */
@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    /** Apps that count as first-party; any other clientAppId is a third-party app. */
    @WithDefault(AppClassifier.DEFAULT_FIRST_PARTY)
    Set<String> firstPartyApps();

    Policy policy();

    Lockstep lockstep();

    Guard guard();

    Model model();

    Topics topics();

    Cases cases();

    Appeals appeals();

    Metrics metrics();

    /** The gauges counted in PostgreSQL and Redis rather than as things happen. */
    interface Metrics {
        /** How often they are counted again. */
        @WithDefault("PT15S")
        Duration refresh();
    }

    /** Review cases: how far one decision reaches. */
    interface Cases {
        /** The most held enforcements one case decision applies to; a larger case is decided member by member. */
        @WithDefault("500")
        int maxBulk();
    }

    /** Appeals: how often one account may appeal. */
    interface Appeals {
        /** Appeals one account may file within {@link #window()}; more are refused with 429. */
        @WithDefault("5")
        int maxPerAccount();

        @WithDefault("P1D")
        Duration window();
    }

    /**
     * The topics of scoring's feature store (a Kafka Streams topology) and of its decider, named in
     * application.properties, where the channels and the topology's start-up check refer to them.
     */
    interface Topics {
        /** Accepted account events, keyed by account: the store's input. */
        String events();

        /** The store's output, one feature snapshot per event, keyed by account: the decider's input. */
        String snapshots();

        /** Lockstep hits for accounts outside a decided batch, keyed by account: sent back to the store for their features. */
        String reach();

        /** Where records that are not account events go, with the reason. */
        String eventsDeadLetters();
    }

    /** When an account is flagged: minimum evidence of inauthentic engagement, never a profile score alone. */
    interface Policy {
        /** Engagement through one third-party app in 24 h that counts as evidence. */
        @WithDefault("50")
        long minThirdPartyEngagement();

        /** Share of the account's engagement in 24 h that must come through third-party apps. */
        @WithDefault("0.5")
        double minThirdPartyShare();

        /**
         * With third-party evidence, one more signal is needed: the model's score at its threshold,
         * or this many follows in an hour, or machine-regular timing (interval CV below the next setting).
         */
        @WithDefault("100")
        long highFollowsPerHour();

        @WithDefault("0.15")
        double regularIntervalCv();

        /** Engagement through a flagged app after a warning that moves the account up the ladder. */
        @WithDefault("5")
        long minRepeatEngagement();

        /** These properties as the kernel's settings. */
        default PolicySettings settings() {
            return new PolicySettings(minThirdPartyEngagement(), minThirdPartyShare(), highFollowsPerHour(), regularIntervalCv(),
                    minRepeatEngagement());
        }
    }

    /** Lockstep (coordinated group) detection: the rule and its parameters are in docs/lockstep.md. */
    interface Lockstep {
        /** A bucket is one kind of action on one target within a window this long (and a second bucketing offset by half). */
        @WithDefault("PT10M")
        Duration window();

        /** Accounts in one bucket that make it crowded: only crowded buckets are paired. */
        @WithDefault("8")
        int minCrowd();

        /** A bucket this crowded is ignored entirely (a trend, and too costly to pair). */
        @WithDefault("2000")
        int maxCrowd();

        /**
         * A target whose largest crowded bucket has more accounts than this weighs flashCrowd / size
         * instead of 1: a flash crowd after a real-world moment puts hundreds of unrelated fans on one
         * target at once; a farm is typically tens of accounts (one of 100 on 60 targets still weighs 30).
         */
        @WithDefault("50")
        int flashCrowd();

        /** Weighted distinct targets two accounts must share crowded buckets on to be paired. */
        @WithDefault("20")
        double minSharedTargets();

        /**
         * The share of an account's own distinct targets, in the windows it shares with the group,
         * that must be the group's for it to be a member: a heavy fan likes much else besides.
         */
        @WithDefault("0.5")
        double minLockstepShare();

        /** Smallest group (accounts in lockstep with each other) that is acted on. */
        @WithDefault("5")
        int minGroupSize();

        /** These properties as the kernel's settings. */
        default LockstepSettings settings() {
            return new LockstepSettings(window(), minCrowd(), maxCrowd(), flashCrowd(), minSharedTargets(), minLockstepShare(), minGroupSize());
        }
    }

    /** The blast-radius guard. */
    interface Guard {
        /**
         * Hold when a receiving account would have lost more than this share of its followers to
         * enforcements within the loss window (a purge is many enforcements, one follower each).
         * A quarter in a day: well short of the half-overnight cuts of the 2014 purge, well above
         * what cleaning the odd bot out of a popular account's followers takes.
         */
        @WithDefault("0.25")
        double maxFollowerLossShare();

        /** The share bound applies once a receiver would have lost at least this many followers: 1 of 6 is not a purge. */
        @WithDefault("10")
        int minFollowerLoss();

        /** How long a receiver's losses add up, from its first loss. */
        @WithDefault("P1D")
        Duration lossWindow();

        /** Hold when more receiving accounts than this would be touched. */
        @WithDefault("5000")
        int maxReceivers();

        /** The breaker's rolling window. */
        @WithDefault("PT10M")
        Duration window();

        /** Open the breaker when more follows, likes and comments than this were removed in the window. */
        @WithDefault("200000")
        long maxRemovalsPerWindow();

        /** Open the breaker when removed follows exceed this share of the touched receivers' followers in the window. */
        @WithDefault("0.05")
        double maxRelativeRemovals();

        /** The relative bound only counts once this many follows were removed in the window. */
        @WithDefault("1000")
        long relativeMinFollows();

        /** These properties as the kernel's settings. */
        default GuardSettings settings() {
            return new GuardSettings(maxFollowerLossShare(), minFollowerLoss(), lossWindow(), maxReceivers(), window(), maxRemovalsPerWindow(),
                    maxRelativeRemovals(), relativeMinFollows());
        }
    }

    interface Model {
        /** A model directory to load at start instead of the built-in default. */
        Optional<String> path();

        /** A candidate model directory scored side by side in shadow mode (recorded, never acted on). */
        Optional<String> shadowPath();
    }
}
