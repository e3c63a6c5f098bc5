package dev.integrity.model;

import java.util.Arrays;

/** Counting and ranking over labelled scores (a label {@code true} means fake), for the metrics and the trainer. */
public final class Labels {

    private Labels() {
    }

    /** How many of the labels are fake. */
    public static int fakes(boolean[] fake) {
        int count = 0;
        for (boolean f : fake) {
            if (f) {
                count++;
            }
        }
        return count;
    }

    /** Share of the labels that are fake; 0 without labels. */
    public static double fakeShare(boolean[] fake) {
        return fake.length == 0 ? 0.0 : fakes(fake) / (double) fake.length;
    }

    /** Row indices sorted by probability, lowest or highest first; tied rows keep their order. */
    public static Integer[] byProbability(double[] probabilities, boolean highestFirst) {
        Integer[] order = new Integer[probabilities.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, highestFirst
                ? (a, b) -> Double.compare(probabilities[b], probabilities[a])
                : (a, b) -> Double.compare(probabilities[a], probabilities[b]));
        return order;
    }
}
