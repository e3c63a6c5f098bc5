package dev.integrity.model;

/**
 * Classification quality at a threshold (a profile is predicted fake when its probability is at least
 * the threshold). Precision is 0 when nothing is predicted fake; recall is 0 when no row is fake.
 *
 * @param rocAuc null when the data holds only one class
 */
public record Metrics(
        int rows,
        double threshold,
        double accuracy,
        double precision,
        double recall,
        double f1,
        Double rocAuc,
        ConfusionMatrix confusionMatrix) {

    public static Metrics of(double[] probabilities, boolean[] fake, double threshold) {
        if (probabilities.length != fake.length) {
            throw new IllegalArgumentException("probabilities and labels differ in length");
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < probabilities.length; i++) {
            boolean predictedFake = probabilities[i] >= threshold;
            if (predictedFake) {
                if (fake[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (fake[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        int rows = probabilities.length;
        double accuracy = rows == 0 ? 0.0 : (tp + tn) / (double) rows;
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double f1 = ratio(2 * tp, 2 * tp + fp + fn);
        return new Metrics(rows, threshold, accuracy, precision, recall, f1, rocAuc(probabilities, fake),
                new ConfusionMatrix(tp, fp, tn, fn));
    }

    /** Area under the ROC curve by the rank-sum (Mann-Whitney) formula; tied scores share their mean rank. */
    static Double rocAuc(double[] probabilities, boolean[] fake) {
        int n = probabilities.length;
        long positives = Labels.fakes(fake);
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        Integer[] order = Labels.byProbability(probabilities, false);
        double positiveRankSum = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && probabilities[order[end + 1]] == probabilities[order[start]]) {
                end++;
            }
            double meanRank = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++) {
                if (fake[order[k]]) {
                    positiveRankSum += meanRank;
                }
            }
            start = end + 1;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : numerator / (double) denominator;
    }
}
