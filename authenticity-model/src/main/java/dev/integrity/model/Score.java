package dev.integrity.model;

import java.util.Comparator;
import java.util.List;

/**
 * A scored profile: the probability that it is fake and what each feature contributed to the log-odds.
 *
 * @param probability   in [0, 1], that the profile is fake
 * @param logit         log-odds of "fake": the intercept plus every contribution (for a forest with a missing feature,
 *                      see {@link Scorer}; a forest's log-odds are those of its probability kept within
 *                      [1e-6, 1 - 1e-6])
 * @param threshold     the model's calibrated threshold
 * @param contributions every feature's contribution, in the model's feature order
 */
public record Score(double probability, double logit, double threshold, List<Contribution> contributions) {

    public Score {
        contributions = List.copyOf(contributions);
    }

    /** True when the probability reaches the model's calibrated threshold. */
    public boolean flagged() {
        return probability >= threshold;
    }

    /** The contribution of one feature, 0 if the model does not use it or its value was missing. */
    public double contribution(String feature) {
        for (Contribution c : contributions) {
            if (c.feature().equals(feature)) {
                return c.contribution();
            }
        }
        return 0.0;
    }

    /** Up to {@code limit} features that pushed most towards "fake" (positive contributions, largest first). */
    public List<Contribution> topContributions(int limit) {
        return contributions.stream()
                .filter(c -> c.contribution() > 0)
                .sorted(Comparator.comparingDouble(Contribution::contribution).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public String toString() {
        return "Score[probability=" + probability + ", flagged=" + flagged() + "]";
    }
}
