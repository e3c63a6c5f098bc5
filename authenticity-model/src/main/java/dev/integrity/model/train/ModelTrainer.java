package dev.integrity.model.train;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BaseRateMetrics;
import dev.integrity.model.Contribution;
import dev.integrity.model.FeatureSet;
import dev.integrity.model.Forest;
import dev.integrity.model.Labels;
import dev.integrity.model.Metrics;
import dev.integrity.model.ModelFeature;
import dev.integrity.model.Scorer;
import dev.integrity.model.ThresholdChoice;
import dev.integrity.model.TrainingData;
import dev.integrity.model.csv.LabelledProfile;
import dev.integrity.model.csv.ProfileTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the authenticity model: logistic regression by Tribuo's linear SGD on standardised features, or a
 * random forest of Tribuo CART trees ({@link ForestExport}); a threshold chosen on a validation split for the
 * target precision at the base rate; metrics measured on a test split.
 *
 * <p>Tribuo's logistic regression is a two-class softmax with one weight row per label; the model keeps
 * their difference, which gives the same probabilities as one logistic function.
 */
public final class ModelTrainer {

    public static final String LIBRARY = "tribuo " + Tribuo.VERSION;
    static final String FAKE = "1";
    static final String GENUINE = "0";
    private static final double LEARNING_RATE = 0.5;
    private static final double ADAGRAD_EPSILON = 0.1;
    private static final int MINIBATCH = 1;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    /** Held so the level set here is not lost when the logger is collected. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private final Clock clock;

    public ModelTrainer() {
        this(Clock.systemUTC());
    }

    public ModelTrainer(Clock clock) {
        this.clock = clock;
    }

    /** The trained artefact, and Tribuo's own model to cross-check it against. */
    public record Result(AuthenticityModel model, Model<Label> tribuoModel) {

        /**
         * Tribuo's probability of "fake" for these raw feature values, standardised as the logistic regression
         * does (a forest takes them raw).
         */
        public double tribuoProbability(Map<String, Double> features) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            boolean standardise = model.forest() == null;
            for (ModelFeature feature : model.features()) {
                Double value = features.get(feature.name());
                if (value != null) {
                    names.add(feature.name());
                    values.add(standardise ? (value - feature.mean()) / feature.std() : value);
                }
            }
            ArrayExample<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
            return tribuoModel.predict(example).getOutputScores().get(FAKE).getScore();
        }
    }

    public Result train(ProfileTable data, TrainingOptions options) {
        List<String> names = FeatureSet.namesFor(data.columns());
        if (names.isEmpty()) {
            throw new IllegalArgumentException(data.source() + " has no feature columns, only: "
                    + (data.columns().isEmpty() ? "label" : String.join(", ", data.columns())));
        }
        List<LabelledProfile> rows = data.rows();
        double[][] x = new double[rows.size()][];
        boolean[] fake = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Double> features = FeatureSet.extract(rows.get(i).profile());
            x[i] = names.stream().mapToDouble(features::get).toArray();
            fake[i] = rows.get(i).fake();
        }
        DataSplit split = DataSplit.stratified(fake, options.seed(), options.validationShare(), options.testShare());
        Standardisation standardisation = Standardisation.fit(x, split.train(), names.size());
        boolean forest = options.algorithm() == TrainingOptions.Algorithm.FOREST;

        Model<Label> tribuoModel;
        double[] weight;
        double intercept;
        Forest trees = null;
        String algorithm;
        if (forest) {
            ForestExport.Trained trained = ForestExport.train(names, x, fake, split.train(), options.seed());
            tribuoModel = trained.tribuoModel();
            trees = trained.forest();
            weight = new double[names.size()]; // a forest has no weights
            intercept = trained.intercept();
            algorithm = trained.description();
        } else {
            LinearSGDModel linear = fitTribuo(names, x, fake, split.train(), standardisation, options);
            LinearWeights weights = LinearWeights.of(linear, names);
            tribuoModel = linear;
            weight = weights.weight();
            intercept = weights.intercept();
            algorithm = algorithm(options);
        }
        List<ModelFeature> features = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            features.add(new ModelFeature(names.get(j), FeatureSet.formulaOf(names.get(j)), standardisation.mean()[j],
                    standardisation.std()[j], weight[j]));
        }
        int format = forest ? AuthenticityModel.FOREST_FORMAT : AuthenticityModel.FORMAT;
        int fakeRows = Labels.fakes(fake);
        TrainingData trainingData = new TrainingData(data.sha256(), data.source(), data.columns(), rows.size(),
                fakeRows, fake.length - fakeRows, split.train().length, split.validation().length,
                split.test().length, options.seed(), forest ? 0 : options.epochs());
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AuthenticityModel draft = new AuthenticityModel(format, "draft", createdAt, LIBRARY, algorithm,
                FeatureSet.sourceColumns(names), features, intercept, 0.5, null, trainingData, null, null, null, trees);

        Scorer scorer = draft.scorer();
        double baseRate = options.baseRate() != null ? options.baseRate() : fakeRows / (double) rows.size();
        String baseRateSource = options.baseRate() != null ? ThresholdChoice.BASE_RATE_GIVEN
                : ThresholdChoice.BASE_RATE_OF_DATA;
        double[] validationScores = probabilities(scorer, x, split.validation());
        boolean[] validationLabels = labels(fake, split.validation());
        ThresholdChoice choice = ThresholdSelector.choose(validationScores, validationLabels, options.targetPrecision(),
                baseRate, baseRateSource);
        Metrics validationMetrics = Metrics.of(validationScores, validationLabels, choice.threshold());
        Metrics testMetrics = Metrics.of(probabilities(scorer, x, split.test()), labels(fake, split.test()),
                choice.threshold());
        List<ModelFeature> explained = withImportance(features, scorer, x, split.validation());

        AuthenticityModel model = new AuthenticityModel(format,
                modelId(createdAt, data.sha256(), features, intercept, choice.threshold(), trees), createdAt,
                LIBRARY, algorithm, draft.requiredColumns(), explained, intercept, choice.threshold(),
                choice, trainingData, testMetrics, validationMetrics, BaseRateMetrics.of(testMetrics, baseRate), trees);
        return new Result(model, tribuoModel);
    }

    /** Each feature's mean absolute contribution to the log-odds over these rows. */
    private static List<ModelFeature> withImportance(List<ModelFeature> features, Scorer scorer, double[][] x, int[] rows) {
        double[] sum = new double[features.size()];
        for (int row : rows) {
            List<Contribution> contributions = scorer.score(x[row]).contributions();
            for (int j = 0; j < sum.length; j++) {
                sum[j] += Math.abs(contributions.get(j).contribution());
            }
        }
        List<ModelFeature> out = new ArrayList<>();
        for (int j = 0; j < sum.length; j++) {
            out.add(features.get(j).withImportance(rows.length == 0 ? 0.0 : sum[j] / rows.length));
        }
        return out;
    }

    private static LinearSGDModel fitTribuo(List<String> names, double[][] x, boolean[] fake, int[] trainRows,
            Standardisation standardisation, TrainingOptions options) {
        MutableDataset<Label> dataset = dataset(names, x, fake, trainRows, standardisation::apply);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
                new AdaGrad(LEARNING_RATE, ADAGRAD_EPSILON), options.epochs(), -1, MINIBATCH, options.seed());
        return trainer.train(dataset);
    }

    /** Tribuo's dataset of these rows, labelled {@link #FAKE} or {@link #GENUINE}, their values passed through {@code input}. */
    static MutableDataset<Label> dataset(List<String> names, double[][] x, boolean[] fake, int[] rows,
            UnaryOperator<double[]> input) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("labelled profile CSV", labels), labels);
        String[] featureNames = names.toArray(String[]::new);
        for (int row : rows) {
            dataset.add(new ArrayExample<>(new Label(fake[row] ? FAKE : GENUINE), featureNames, input.apply(x[row])));
        }
        return dataset;
    }

    private static String algorithm(TrainingOptions options) {
        return "logistic regression: Tribuo LinearSGDTrainer (LogMulticlass, AdaGrad lr=" + LEARNING_RATE + " eps="
                + ADAGRAD_EPSILON + ", " + options.epochs() + " epochs, minibatch " + MINIBATCH + ", seed "
                + options.seed() + ") on standardised features";
    }

    /** The two label rows of Tribuo's weight matrix folded into one weight vector and intercept for "fake". */
    private record LinearWeights(double[] weight, double intercept) {

        static LinearWeights of(LinearSGDModel model, List<String> names) {
            DenseMatrix w = model.getWeightsCopy();
            int fakeRow = model.getOutputIDInfo().getID(new Label(FAKE));
            int genuineRow = model.getOutputIDInfo().getID(new Label(GENUINE));
            ImmutableFeatureMap featureIds = model.getFeatureIDMap();
            double[] weight = new double[names.size()];
            for (int j = 0; j < names.size(); j++) {
                int id = featureIds.getID(names.get(j));
                // A feature Tribuo never saw (always zero after standardisation) has no weight.
                weight[j] = id < 0 ? 0.0 : w.get(fakeRow, id) - w.get(genuineRow, id);
            }
            int bias = featureIds.size();
            return new LinearWeights(weight, w.get(fakeRow, bias) - w.get(genuineRow, bias));
        }
    }

    private static double[] probabilities(Scorer scorer, double[][] x, int[] rows) {
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = scorer.score(x[rows[i]]).probability();
        }
        return p;
    }

    private static boolean[] labels(boolean[] fake, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = fake[rows[i]];
        }
        return out;
    }

    private static String modelId(Instant createdAt, String dataSha256, List<ModelFeature> features, double intercept,
            double threshold, Forest forest) {
        StringBuilder content = new StringBuilder(dataSha256);
        for (ModelFeature f : features) {
            content.append('|').append(f.name()).append(':').append(f.mean()).append(':').append(f.std()).append(':')
                    .append(f.weight());
        }
        content.append('|').append(intercept).append('|').append(threshold);
        if (forest != null) {
            for (Forest.Tree tree : forest.trees()) {
                content.append('|').append(Arrays.toString(tree.feature())).append(Arrays.toString(tree.split()))
                        .append(Arrays.toString(tree.left())).append(Arrays.toString(tree.right()))
                        .append(Arrays.toString(tree.value()));
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return "m-" + ID_TIME.format(createdAt) + "-" + HexFormat.of().formatHex(hash).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
