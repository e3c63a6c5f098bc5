package dev.integrity.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.Contribution;
import dev.integrity.model.FeatureSet;
import dev.integrity.model.Forest;
import dev.integrity.model.Score;
import dev.integrity.model.Scorer;
import dev.integrity.model.csv.LabelledProfile;
import dev.integrity.model.csv.ProfileTable;
import dev.integrity.model.synthetic.SyntheticProfiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForestTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final TrainingOptions FOREST = TrainingOptions.defaults().withSeed(5)
            .withAlgorithm(TrainingOptions.Algorithm.FOREST);

    private static ProfileTable data;
    private static ModelTrainer.Result trained;
    private static AuthenticityModel logistic;

    @BeforeAll
    static void train() {
        data = ModelTrainerTest.generated(4000, 11, false, SyntheticProfiles.columns(false));
        trained = new ModelTrainer(CLOCK).train(data, FOREST);
        logistic = new ModelTrainer(CLOCK).train(data, TrainingOptions.defaults().withSeed(5)).model();
    }

    @Test
    void isAForestOfTheConfiguredTrees() {
        AuthenticityModel model = trained.model();
        Forest forest = model.forest();

        assertEquals(AuthenticityModel.FOREST, model.kind());
        assertEquals(AuthenticityModel.FOREST_FORMAT, model.format());
        assertTrue(model.algorithm().startsWith("random forest: Tribuo RandomForestTrainer (100 CART trees"), model.algorithm());
        assertEquals(ForestExport.TREES, forest.trees().size());
        assertEquals(0, model.training().epochs());
        assertEquals(FeatureSet.namesFor(data.columns()), model.featureNames());
        assertTrue(model.features().stream().allMatch(f -> f.weight() == 0 && f.importance() != null));
        for (Forest.Tree tree : forest.trees()) {
            assertTrue(tree.nodes() <= (1 << (ForestExport.MAX_DEPTH + 1)) - 1, tree.nodes() + " nodes");
        }
        assertEquals(Scorer.logit(forest.trees().stream().mapToDouble(t -> t.value()[0]).sum() / forest.trees().size()),
                model.intercept(), 1e-9);
        assertEquals(data.fakeRows() / 4000.0, 1 / (1 + Math.exp(-model.intercept())), 0.05, "the average root is about the share of fakes");
    }

    @Test
    void theExportedForestAgreesWithTribuo() {
        ModelTrainerTest.assertScorerAgreesWithTribuo(trained, data.rows().subList(0, 400));
    }

    @Test
    void explanationsAddUpToTheLogOdds() {
        AuthenticityModel model = trained.model();
        Scorer scorer = model.scorer();
        int flagged = 0;
        for (LabelledProfile row : data.rows().subList(0, 400)) {
            Score score = scorer.score(FeatureSet.extract(row.profile()));
            double sum = score.contributions().stream().mapToDouble(Contribution::contribution).sum();
            assertEquals(score.logit(), model.intercept() + sum, 1e-6);
            if (score.flagged()) {
                flagged++;
                assertTrue(!score.topContributions(3).isEmpty(), "a flagged profile has reasons");
            }
        }
        assertTrue(flagged > 20, flagged + " flagged");
    }

    @Test
    void measuresBetterThanTheLogisticRegressionOnTheSameTestSplit() {
        AuthenticityModel forest = trained.model();

        assertEquals(logistic.metrics().confusionMatrix().total(), forest.metrics().confusionMatrix().total());
        assertTrue(forest.metrics().rocAuc() > logistic.metrics().rocAuc(),
                forest.metrics().rocAuc() + " <= " + logistic.metrics().rocAuc());
    }

    @Test
    void savesLoadsAndIsDeterministic(@TempDir Path dir) throws IOException {
        AuthenticityModel loaded = AuthenticityModel.load(trained.model().save(dir));

        assertEquals(trained.model(), loaded);
        assertEquals(trained.model(), new ModelTrainer(CLOCK).train(data, FOREST).model());
    }

    @Test
    void trainsOnASingleFeature() {
        ProfileTable followers = ModelTrainerTest.generated(600, 3, false, List.of("followerCount", "label"));

        AuthenticityModel model = new ModelTrainer(CLOCK).train(followers, FOREST).model();

        assertEquals(List.of(FeatureSet.LOG_FOLLOWERS), model.featureNames());
        assertNotNull(model.forest());
        assertTrue(model.algorithm().contains("1 of 1 features per split"), model.algorithm());
    }

    @Test
    void parsesTheAlgorithmByName() {
        assertEquals(TrainingOptions.Algorithm.FOREST, TrainingOptions.Algorithm.parse("forest"));
        assertEquals(TrainingOptions.Algorithm.LOGISTIC, TrainingOptions.Algorithm.parse("Logistic"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.Algorithm.parse("xgboost"));
        assertEquals("algorithm must be logistic or forest, got 'xgboost'", e.getMessage());
        assertNull(logistic.forest());
    }
}
