package dev.integrity.model.train;

import dev.integrity.model.BaseRate;
import dev.integrity.model.Labels;
import dev.integrity.model.ThresholdChoice;

/**
 * Picks the decision threshold on validation scores: the lowest threshold whose precision at the base
 * rate reaches the target (most recall without more wrongful flags than the target allows); if none
 * does, the threshold of maximum F1 at the base rate. Candidates are the scores themselves, predicting
 * fake at {@code p >= t}.
 *
 * <p>Precision at base rate {@code π} comes from the candidate's rates on validation,
 * {@code π·TPR / (π·TPR + (1 − π)·FPR)}: at validation's own share of fakes it is the precision measured
 * there; at a lower share the same false-positive rate costs more precision, so the threshold rises.
 */
final class ThresholdSelector {

    private static final double TOLERANCE = 1e-12;

    private ThresholdSelector() {
    }

    /** At the validation data's own share of fakes: the precision measured on it. */
    static ThresholdChoice choose(double[] probabilities, boolean[] fake, double targetPrecision) {
        return choose(probabilities, fake, targetPrecision, Labels.fakeShare(fake), ThresholdChoice.BASE_RATE_OF_DATA);
    }

    static ThresholdChoice choose(double[] probabilities, boolean[] fake, double targetPrecision, double baseRate,
            String baseRateSource) {
        if (!(baseRate > 0 && baseRate <= 1)) {
            throw new IllegalArgumentException("the base rate must be in (0, 1], got " + baseRate);
        }
        int n = probabilities.length;
        long positives = Labels.fakes(fake);
        long negatives = n - positives;
        if (positives == 0) {
            throw new IllegalArgumentException("the validation split has no fake rows to choose a threshold with");
        }
        Integer[] order = Labels.byProbability(probabilities, true);

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
            double tpr = tp / (double) positives;
            double fpr = negatives == 0 ? 0.0 : fp / (double) negatives;
            Candidate candidate = new Candidate(threshold, tp / (double) (tp + fp), tpr, fpr,
                    BaseRate.precision(baseRate, tpr, fpr), BaseRate.f1(baseRate, tpr, fpr), tp, fp);
            if (tp > 0 && candidate.expectedPrecision() >= targetPrecision - TOLERANCE) {
                target = candidate;
            }
            if (bestF1 == null || candidate.expectedF1() > bestF1.expectedF1()) {
                bestF1 = candidate;
            }
        }
        Candidate chosen = target != null ? target : bestF1;
        return new ThresholdChoice(target != null ? ThresholdChoice.TARGET_PRECISION_RULE : ThresholdChoice.MAX_F1_RULE,
                targetPrecision, target != null, chosen.threshold(), chosen.precision(), chosen.recall(),
                chosen.falsePositiveRate(), baseRate, baseRateSource, chosen.expectedPrecision(),
                BaseRate.precisionLowerBound(baseRate, chosen.truePositives(), positives, chosen.falsePositives(), negatives));
    }

    private record Candidate(double threshold, double precision, double recall, double falsePositiveRate,
            double expectedPrecision, double expectedF1, long truePositives, long falsePositives) {
    }
}
