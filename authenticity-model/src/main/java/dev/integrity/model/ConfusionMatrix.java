package dev.integrity.model;

/** Counts at a threshold; "positive" means predicted or labelled fake. */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }
}
