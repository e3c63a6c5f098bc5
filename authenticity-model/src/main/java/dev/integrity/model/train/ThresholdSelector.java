package dev.integrity.model.train;

import dev.integrity.model.ThresholdChoice;
import java.util.Arrays;

/**
 * Picks the decision threshold on validation scores: the lowest threshold whose precision reaches the
 * target (most recall without more wrongful flags than the target allows); if none does, the
 * threshold of maximum F1. Candidates are the scores themselves, predicting fake at {@code p >= t}.
 */
final class ThresholdSelector {

    private static final double TOLERANCE = 1e-12;

    private ThresholdSelector() {
    }

    static ThresholdChoice choose(double[] probabilities, boolean[] fake, double targetPrecision) {
        int n = probabilities.length;
        long positives = 0;
        for (boolean f : fake) {
            if (f) {
                positives++;
            }
        }
        if (positives == 0) {
            throw new IllegalArgumentException("the validation split has no fake rows to choose a threshold with");
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));

        Candidate target = null;
        Candidate bestF1 = null;
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < n) {
            double threshold = probabilities[order[i]];
            while (i < n && probabilities[order[i]] == threshold) {
                if (fake[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            Candidate candidate = new Candidate(threshold, tp / (double) (tp + fp), tp / (double) positives,
                    2.0 * tp / (2.0 * tp + fp + (positives - tp)));
            if (tp > 0 && candidate.precision() >= targetPrecision - TOLERANCE) {
                target = candidate;
            }
            if (bestF1 == null || candidate.f1() > bestF1.f1()) {
                bestF1 = candidate;
            }
        }
        Candidate chosen = target != null ? target : bestF1;
        return new ThresholdChoice(target != null ? ThresholdChoice.TARGET_PRECISION_RULE : ThresholdChoice.MAX_F1_RULE,
                targetPrecision, target != null, chosen.threshold(), chosen.precision(), chosen.recall());
    }

    private record Candidate(double threshold, double precision, double recall, double f1) {
    }
}
