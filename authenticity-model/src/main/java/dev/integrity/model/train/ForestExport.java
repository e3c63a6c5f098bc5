package dev.integrity.model.train;

import dev.integrity.model.Forest;
import dev.integrity.model.Scorer;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;

/**
 * Trains a random forest with Tribuo and turns it into the plain {@link Forest} of the artefact.
 *
 * <p>Tribuo's {@code RandomForestTrainer}: {@value #TREES} CART trees (Gini impurity, depth at most
 * {@value #MAX_DEPTH}, at least {@value #MIN_CHILD_WEIGHT} rows on each side of a split), each on a bootstrap
 * sample of the training split and choosing every split among a random √d of the d features; the trees' leaf
 * distributions are averaged ({@code FullyWeightedVotingCombiner}, all weights 1). The trees take the raw
 * feature values: a split's threshold reads as the feature it tests (say, {@code log_media <= 1.2}).
 *
 * <p>Tribuo stores no value in its split nodes, so the export gives each split the average of the leaves
 * below it, weighted by the training rows that reach them; the explanation of a score rests on these values.
 * A test checks that the exported forest gives Tribuo's probabilities.
 */
final class ForestExport {

    static final int TREES = 100;
    static final int MAX_DEPTH = 8;
    static final float MIN_CHILD_WEIGHT = 5f;

    private ForestExport() {
    }

    /** Tribuo's forest, its export and the log-odds of its average root value (the model's intercept). */
    record Trained(Model<Label> tribuoModel, Forest forest, double intercept, String description) {
    }

    static Trained train(List<String> names, double[][] x, boolean[] fake, int[] trainRows, long seed) {
        MutableDataset<Label> dataset = ModelTrainer.dataset(names, x, fake, trainRows, values -> values);
        int d = names.size();
        // Tribuo's forest needs a fraction below 1; it rounds fraction × d, so one feature still gets one.
        float fraction = (float) Math.min(0.99, Math.sqrt(d) / d);
        int perSplit = Math.min(Math.round(fraction * d), d);
        CARTClassificationTrainer cart = new CARTClassificationTrainer(MAX_DEPTH, MIN_CHILD_WEIGHT, 0f, fraction, false,
                new GiniIndex(), seed);
        RandomForestTrainer<Label> trainer = new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(), TREES, seed);
        Model<Label> model = trainer.train(dataset);

        Forest forest = export(model, names, x, trainRows);
        String description = "random forest: Tribuo RandomForestTrainer (" + TREES + " CART trees, Gini, max depth "
                + MAX_DEPTH + ", min child weight " + MIN_CHILD_WEIGHT + ", " + perSplit + " of " + d
                + " features per split, leaf distributions averaged, seed " + seed + ") on raw features";
        return new Trained(model, forest, Scorer.logit(forest.averageRoot()), description);
    }

    @SuppressWarnings("unchecked")
    static Forest export(Model<Label> model, List<String> names, double[][] x, int[] trainRows) {
        if (!(model instanceof EnsembleModel<Label> ensemble)) {
            throw new IllegalStateException("expected an ensemble of trees, got " + model.getClass().getName());
        }
        List<Forest.Tree> trees = new ArrayList<>();
        for (Model<Label> member : ensemble.getModels()) {
            trees.add(exportTree((TreeModel<Label>) member, names, x, trainRows));
        }
        return new Forest(MAX_DEPTH, trees);
    }

    private static Forest.Tree exportTree(TreeModel<Label> tree, List<String> names, double[][] x, int[] trainRows) {
        ImmutableFeatureMap featureIds = tree.getFeatureIDMap();
        List<Integer> feature = new ArrayList<>();
        List<Double> split = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        // Depth first, parent before children: the artefact's layout.
        record Pending(Node<Label> node, int parent, boolean isLeft) {
        }
        List<Pending> stack = new ArrayList<>();
        stack.add(new Pending(tree.getRoot(), -1, false));
        while (!stack.isEmpty()) {
            Pending next = stack.removeLast();
            int index = feature.size();
            if (next.parent() >= 0) {
                (next.isLeft() ? left : right).set(next.parent(), index);
            }
            if (next.node() instanceof SplitNode<Label> s) {
                String name = featureIds.get(s.getFeatureID()).getName();
                int column = names.indexOf(name);
                if (column < 0) {
                    throw new IllegalStateException("the forest splits on an unknown feature " + name);
                }
                feature.add(column);
                split.add(s.splitValue());
                left.add(-1);
                right.add(-1);
                value.add(0.0);
                stack.add(new Pending(s.getGreaterThan(), index, false));
                stack.add(new Pending(s.getLessThanOrEqual(), index, true));
            } else if (next.node() instanceof LeafNode<Label> leaf) {
                Label fakeScore = leaf.getDistribution().get(ModelTrainer.FAKE);
                feature.add(-1);
                split.add(0.0);
                left.add(-1);
                right.add(-1);
                value.add(fakeScore == null ? 0.0 : fakeScore.getScore());
            } else {
                throw new IllegalStateException("unexpected tree node " + next.node().getClass().getName());
            }
        }
        int n = feature.size();
        int[] f = feature.stream().mapToInt(Integer::intValue).toArray();
        double[] s = split.stream().mapToDouble(Double::doubleValue).toArray();
        int[] l = left.stream().mapToInt(Integer::intValue).toArray();
        int[] r = right.stream().mapToInt(Integer::intValue).toArray();
        double[] v = value.stream().mapToDouble(Double::doubleValue).toArray();

        // Training rows per node, then each split's value from its children (children come after parents).
        long[] rows = new long[n];
        for (int row : trainRows) {
            int node = 0;
            rows[node]++;
            while (f[node] >= 0) {
                node = x[row][f[node]] <= s[node] ? l[node] : r[node];
                rows[node]++;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (f[i] >= 0) {
                long reach = rows[l[i]] + rows[r[i]];
                v[i] = reach == 0 ? (v[l[i]] + v[r[i]]) / 2 : (rows[l[i]] * v[l[i]] + rows[r[i]] * v[r[i]]) / reach;
            }
        }
        return new Forest.Tree(f, s, l, r, v);
    }
}
