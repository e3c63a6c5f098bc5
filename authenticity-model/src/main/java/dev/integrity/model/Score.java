package dev.integrity.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scored profile: the probability that it is fake and what each feature contributed to the log-odds. */
public final class Score {

    private final String[] names;
    private final double[] values;
    private final double[] contributions;
    private final double logit;
    private final double probability;
    private final double threshold;

    Score(String[] names, double[] values, double[] contributions, double logit, double probability, double threshold) {
        this.names = names;
        this.values = values;
        this.contributions = contributions;
        this.logit = logit;
        this.probability = probability;
        this.threshold = threshold;
    }

    /** Probability in [0, 1] that the profile is fake. */
    public double probability() {
        return probability;
    }

    /**
     * Log-odds of "fake": the intercept plus every contribution (for a forest with a missing feature, see
     * {@link Scorer}; a forest's log-odds are those of its probability kept within [1e-6, 1 - 1e-6]).
     */
    public double logit() {
        return logit;
    }

    public double threshold() {
        return threshold;
    }

    /** True when the probability reaches the model's calibrated threshold. */
    public boolean flagged() {
        return probability >= threshold;
    }

    /** The contribution of one feature, 0 if the model does not use it or its value was missing. */
    public double contribution(String feature) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(feature)) {
                return contributions[i];
            }
        }
        return 0.0;
    }

    /** Every feature's contribution, in the model's feature order. */
    public List<Contribution> contributions() {
        List<Contribution> list = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            list.add(new Contribution(names[i], values[i], contributions[i]));
        }
        return list;
    }

    /** Up to {@code limit} features that pushed most towards "fake" (positive contributions, largest first). */
    public List<Contribution> topContributions(int limit) {
        return contributions().stream()
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
