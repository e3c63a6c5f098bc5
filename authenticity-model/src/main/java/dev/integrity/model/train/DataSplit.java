package dev.integrity.model.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Row indices split into train, validation and test, stratified by label: each class is shuffled
 * with the seed and cut by the shares on its own, so every part keeps the data's share of fakes.
 */
record DataSplit(int[] train, int[] validation, int[] test) {

    static DataSplit stratified(boolean[] fake, long seed, double validationShare, double testShare) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (boolean label : new boolean[] {true, false}) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < fake.length; i++) {
                if (fake[i] == label) {
                    rows.add(i);
                }
            }
            Collections.shuffle(rows, random);
            int validationCount = (int) Math.round(rows.size() * validationShare);
            int testCount = (int) Math.round(rows.size() * testShare);
            int trainCount = rows.size() - validationCount - testCount;
            if (validationCount < 1 || testCount < 1 || trainCount < 1) {
                throw new IllegalArgumentException("too few " + (label ? "fake" : "genuine") + " rows (" + rows.size()
                        + ") to put at least one in each of train, validation and test");
            }
            train.addAll(rows.subList(0, trainCount));
            validation.addAll(rows.subList(trainCount, trainCount + validationCount));
            test.addAll(rows.subList(trainCount + validationCount, rows.size()));
        }
        return new DataSplit(sorted(train), sorted(validation), sorted(test));
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
