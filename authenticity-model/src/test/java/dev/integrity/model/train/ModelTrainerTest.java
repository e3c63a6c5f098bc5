package dev.integrity.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BehaviourFeatures;
import dev.integrity.model.ConfusionMatrix;
import dev.integrity.model.Evaluator;
import dev.integrity.model.FeatureSet;
import dev.integrity.model.Metrics;
import dev.integrity.model.Scorer;
import dev.integrity.model.ThresholdChoice;
import dev.integrity.model.csv.LabelledProfile;
import dev.integrity.model.csv.ProfileCsv;
import dev.integrity.model.csv.ProfileTable;
import dev.integrity.model.synthetic.SyntheticProfiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07.890Z"), ZoneOffset.UTC);
    private static final TrainingOptions OPTIONS = TrainingOptions.defaults().withSeed(5).withEpochs(10);

    private static ProfileTable data;
    private static ModelTrainer.Result trained;

    @BeforeAll
    static void train() {
        data = generated(4000, 11, false, SyntheticProfiles.columns(false));
        trained = new ModelTrainer(CLOCK).train(data, OPTIONS);
    }

    @Test
    void recordsWhatItWasTrainedOnAndHow() {
        AuthenticityModel model = trained.model();

        assertTrue(model.id().matches("m-20260304050607-[0-9a-f]{8}"), model.id());
        assertEquals(Instant.parse("2026-03-04T05:06:07Z"), model.createdAt());
        assertTrue(model.library().startsWith("tribuo 4.3"), model.library());
        assertTrue(model.algorithm().startsWith("logistic regression"), model.algorithm());
        assertEquals(FeatureSet.namesFor(data.columns()), model.featureNames());
        assertEquals(List.of("followerCount", "followingCount", "mediaCount", "biography", "externalUrl",
                "hasProfilePicture", "isPrivate", "username", "fullName"), model.requiredColumns());
        assertEquals(data.sha256(), model.training().dataSha256());
        assertEquals(4000, model.training().rows());
        assertEquals(data.fakeRows(), model.training().fakeRows());
        assertEquals(4000, model.training().trainRows() + model.training().validationRows() + model.training().testRows());
        assertEquals(800, model.training().testRows());
    }

    @Test
    void heldOutMetricsAreConsistentWithTheirCounts() {
        Metrics m = trained.model().metrics();
        ConfusionMatrix c = m.confusionMatrix();

        assertEquals(trained.model().training().testRows(), c.total());
        assertEquals(m.rows(), c.total());
        assertEquals((c.truePositives() + c.trueNegatives()) / (double) m.rows(), m.accuracy(), 1e-12);
        assertEquals(c.truePositives() / (double) (c.truePositives() + c.falsePositives()), m.precision(), 1e-12);
        assertEquals(trained.model().threshold(), m.threshold());
        assertTrue(m.rocAuc() > 0.85, "AUC " + m.rocAuc());
        assertTrue(m.rocAuc() < 0.999, "the synthetic data should not be trivially separable: AUC " + m.rocAuc());
    }

    @Test
    void theThresholdReachesTheTargetPrecisionOnValidation() {
        AuthenticityModel model = trained.model();

        assertTrue(model.thresholdChoice().targetReached());
        assertEquals(0.99, model.thresholdChoice().targetPrecision());
        assertTrue(model.validationMetrics().precision() >= 0.99, "precision " + model.validationMetrics().precision());
        assertEquals(model.thresholdChoice().validationRecall(), model.validationMetrics().recall(), 1e-12);
    }

    @Test
    void recordsTheBaseRateAndThePrecisionExpectedAtIt() {
        AuthenticityModel model = trained.model();
        ThresholdChoice choice = model.thresholdChoice();

        assertEquals(data.fakeRows() / (double) data.rows().size(), choice.baseRate(), 1e-12);
        assertEquals(ThresholdChoice.BASE_RATE_OF_DATA, choice.baseRateSource());
        assertEquals(choice.baseRate(), model.baseRate().getAsDouble());
        assertTrue(choice.expectedPrecision() >= 0.99 - 1e-12, "expected precision " + choice.expectedPrecision());
        assertEquals(choice.baseRate(), model.metricsAtBaseRate().baseRate());
        assertEquals(model.metrics().recall(), model.metricsAtBaseRate().recall(), 1e-12);
        assertEquals(model.metrics().rocAuc(), model.metricsAtBaseRate().rocAuc());
        assertTrue(model.features().stream().allMatch(f -> f.importance() != null && f.importance() >= 0));
    }

    @Test
    void aLowerBaseRateRaisesTheThresholdAndIsRecorded() {
        AuthenticityModel rare = new ModelTrainer(CLOCK).train(data, OPTIONS.withBaseRate(0.1)).model();
        AuthenticityModel balanced = new ModelTrainer(CLOCK).train(data, OPTIONS.withBaseRate(0.5)).model();
        AuthenticityModel common = trained.model();

        assertEquals(common.features(), rare.features(), "the base rate changes only the threshold");
        assertTrue(rare.threshold() >= common.threshold(), rare.threshold() + " < " + common.threshold());
        assertTrue(common.threshold() >= balanced.threshold(), common.threshold() + " < " + balanced.threshold());
        assertTrue(rare.metrics().recall() <= common.metrics().recall());
        assertNotEquals(common.id(), rare.id());
        ThresholdChoice choice = rare.thresholdChoice();
        assertEquals(0.1, choice.baseRate());
        assertEquals(ThresholdChoice.BASE_RATE_GIVEN, choice.baseRateSource());
        assertTrue(choice.expectedPrecision() >= 0.99 - 1e-12 || !choice.targetReached());
        assertEquals(0.1, rare.metricsAtBaseRate().baseRate());
        assertEquals(rare.metrics().recall(), rare.metricsAtBaseRate().recall(), 1e-12);
    }

    @Test
    void refusesABaseRateOutsideZeroToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OPTIONS.withBaseRate(1.0));
        assertEquals("base rate must be between 0 and 1 (exclusive), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withBaseRate(0.0));
        assertEquals(null, OPTIONS.withBaseRate(0.2).withBaseRate(null).baseRate());
    }

    @Test
    void theScorerAgreesWithTribuo() {
        assertScorerAgreesWithTribuo(trained, data.rows().subList(0, 300));
    }

    @Test
    void saveLoadEvaluateRoundTrip(@TempDir Path dir) throws IOException {
        AuthenticityModel loaded = AuthenticityModel.load(trained.model().save(dir));
        ProfileTable fresh = generated(1500, 99, false, SyntheticProfiles.columns(false));

        Metrics metrics = Evaluator.evaluate(loaded, fresh);

        assertEquals(trained.model(), loaded);
        assertEquals(1500, metrics.confusionMatrix().total());
        assertEquals(fresh.fakeRows(), metrics.confusionMatrix().truePositives() + metrics.confusionMatrix().falseNegatives());
        assertEquals((metrics.confusionMatrix().truePositives() + metrics.confusionMatrix().trueNegatives()) / 1500.0,
                metrics.accuracy(), 1e-12);
        assertTrue(metrics.rocAuc() > 0.85, "AUC " + metrics.rocAuc());
        assertTrue(metrics.precision() > 0.9, "precision " + metrics.precision());
    }

    @Test
    void isDeterministicForASeed() {
        AuthenticityModel again = new ModelTrainer(CLOCK).train(data, OPTIONS).model();
        AuthenticityModel otherSeed = new ModelTrainer(CLOCK).train(data, OPTIONS.withSeed(6)).model();

        assertEquals(trained.model(), again);
        assertNotEquals(trained.model().features(), otherSeed.features());
    }

    @Test
    void learnsFromTheColumnsPresentAndEvaluateNeedsThem() {
        List<String> columns = List.of("mediaCount", "followerCount", "followingCount", "label");
        AuthenticityModel model = new ModelTrainer(CLOCK).train(generated(2000, 3, false, columns), OPTIONS).model();

        assertEquals(List.of("followerCount", "followingCount", "mediaCount"), model.requiredColumns());
        assertEquals(List.of(FeatureSet.LOG_FOLLOWERS, FeatureSet.LOG_FOLLOWING, FeatureSet.LOG_FOLLOWING_RATIO,
                FeatureSet.LOG_MEDIA), model.featureNames());

        ProfileTable lacking = generated(200, 4, false, List.of("mediaCount", "followerCount", "username", "label"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(model, lacking));
        assertEquals("CSV text lacks column followingCount that model " + model.id() + " needs", e.getMessage());
    }

    @Test
    void usesBehaviourColumnsWhenPresent() {
        ProfileTable withBehaviour = generated(3000, 8, true, SyntheticProfiles.columns(true));

        AuthenticityModel model = new ModelTrainer(CLOCK).train(withBehaviour, OPTIONS).model();

        assertTrue(model.featureNames().containsAll(BehaviourFeatures.ALL));
        assertTrue(model.requiredColumns().containsAll(BehaviourFeatures.ALL));
        assertTrue(model.metrics().rocAuc() > trained.model().metrics().rocAuc(), "behaviour should help");
    }

    @Test
    void explainsWhatItCannotTrainOn() {
        ProfileTable labelsOnly = ProfileCsv.parse("label,comment\n1,a\n0,b\n");
        IllegalArgumentException noFeatures = assertThrows(IllegalArgumentException.class,
                () -> new ModelTrainer().train(labelsOnly, OPTIONS));
        assertEquals("CSV text has no feature columns, only: label", noFeatures.getMessage());

        ProfileTable tiny = ProfileCsv.parse("followerCount,label\n1,1\n2,0\n3,0\n");
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> new ModelTrainer().train(tiny, OPTIONS));
        assertTrue(tooFew.getMessage().startsWith("too few fake rows (1)"), tooFew.getMessage());
    }

    /** The exported model's scorer gives each row the probability Tribuo's own model gives it. */
    static void assertScorerAgreesWithTribuo(ModelTrainer.Result trained, List<LabelledProfile> rows) {
        Scorer scorer = trained.model().scorer();
        for (LabelledProfile row : rows) {
            Map<String, Double> features = FeatureSet.extract(row.profile());
            assertEquals(trained.tribuoProbability(features), scorer.probability(features), 1e-9);
        }
    }

    static ProfileTable generated(int rows, long seed, boolean behaviour, List<String> columns) {
        List<LabelledProfile> profiles = new SyntheticProfiles(seed, behaviour).generate(rows, 0.35);
        StringWriter csv = new StringWriter();
        try {
            ProfileCsv.write(csv, columns, profiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProfileCsv.parse(csv.toString());
    }
}
