package dev.integrity.model;

import java.util.Arrays;
import java.util.List;

/**
 * A random forest as stored in {@code model.json}: binary decision trees whose leaves hold the share of
 * fakes, averaged over the trees. Scoring needs no machine-learning library.
 *
 * <p>Each tree is a set of parallel arrays indexed by node, the root at 0. Node {@code i} is a leaf when
 * {@code feature[i] < 0}; otherwise a profile goes to {@code left[i]} when its value of feature
 * {@code feature[i]} (an index into the model's {@code features}) is at most {@code split[i]}, and to
 * {@code right[i]} when it is greater. {@code value[i]} is the probability of "fake" at the node: for a
 * leaf the share of fakes the tree learnt there, for a split the average of its leaves weighted by the
 * training rows that reach them. The values of the splits make every prediction decomposable: the
 * leaf's value is the root's plus the changes along the path, and each change is credited to the
 * feature split on (see {@link Scorer}).
 *
 * @param maxDepth the depth the trees were limited to, for the record
 */
public record Forest(int maxDepth, List<Tree> trees) {

    public Forest {
        if (trees == null || trees.isEmpty()) {
            throw new ModelFormatException("the forest has no trees");
        }
        trees = List.copyOf(trees);
    }

    /** Checks that every split refers to one of the model's {@code featureCount} features. */
    void checkFeatures(int featureCount) {
        for (int t = 0; t < trees.size(); t++) {
            for (int f : trees.get(t).feature()) {
                if (f >= featureCount) {
                    throw new ModelFormatException("tree " + t + " splits on feature " + f + " but the model has "
                            + featureCount + " features");
                }
            }
        }
    }

    /** The average of the trees' root values: the probability of "fake" before any split. */
    public double averageRoot() {
        double sum = 0;
        for (Tree tree : trees) {
            sum += tree.value[0];
        }
        return sum / trees.size();
    }

    /**
     * The average over the trees of the leaf each one reaches with these values (indexed like the model's
     * features). When {@code credit} is not null, each split's change of value along the paths, averaged over the
     * trees, is added to {@code credit} at the feature split on.
     */
    double probability(double[] x, double[] credit) {
        double sum = 0;
        for (Tree tree : trees) {
            sum += tree.leafValue(x, credit);
        }
        if (credit != null) {
            for (int i = 0; i < credit.length; i++) {
                credit[i] /= trees.size();
            }
        }
        return sum / trees.size();
    }

    /** One tree; see {@link Forest} for the layout. Children always come after their parent. */
    public record Tree(int[] feature, double[] split, int[] left, int[] right, double[] value) {

        public Tree {
            if (feature == null || split == null || left == null || right == null || value == null) {
                throw new ModelFormatException("a tree needs feature, split, left, right and value");
            }
            int n = feature.length;
            if (n == 0 || split.length != n || left.length != n || right.length != n || value.length != n) {
                throw new ModelFormatException("a tree's feature, split, left, right and value must have the same,"
                        + " non-zero length");
            }
            for (int i = 0; i < n; i++) {
                if (!(value[i] >= 0 && value[i] <= 1)) {
                    throw new ModelFormatException("node " + i + " has value " + value[i] + " outside [0, 1]");
                }
                if (feature[i] >= 0) {
                    if (!Double.isFinite(split[i])) {
                        throw new ModelFormatException("node " + i + " has a split value that is not finite");
                    }
                    if (left[i] <= i || left[i] >= n || right[i] <= i || right[i] >= n) {
                        throw new ModelFormatException("node " + i + " has children outside (" + i + ", " + n + ")");
                    }
                }
            }
            feature = feature.clone();
            split = split.clone();
            left = left.clone();
            right = right.clone();
            value = value.clone();
        }

        @Override
        public int[] feature() {
            return feature.clone();
        }

        @Override
        public double[] split() {
            return split.clone();
        }

        @Override
        public int[] left() {
            return left.clone();
        }

        @Override
        public int[] right() {
            return right.clone();
        }

        @Override
        public double[] value() {
            return value.clone();
        }

        /** The value of the leaf these values reach, crediting each split's change to {@code credit} if given. */
        double leafValue(double[] x, double[] credit) {
            int node = 0;
            while (feature[node] >= 0) {
                int next = x[feature[node]] <= split[node] ? left[node] : right[node];
                if (credit != null) {
                    credit[feature[node]] += value[next] - value[node];
                }
                node = next;
            }
            return value[node];
        }

        public int nodes() {
            return feature.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tree t && Arrays.equals(feature, t.feature) && Arrays.equals(split, t.split)
                    && Arrays.equals(left, t.left) && Arrays.equals(right, t.right) && Arrays.equals(value, t.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(new int[] {Arrays.hashCode(feature), Arrays.hashCode(split), Arrays.hashCode(left),
                    Arrays.hashCode(right), Arrays.hashCode(value)});
        }

        @Override
        public String toString() {
            return "Tree[" + feature.length + " nodes]";
        }
    }
}
