package dev.integrity.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.ModelFeature;
import dev.integrity.model.csv.ProfileTable;
import dev.integrity.model.synthetic.SyntheticProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model is what the README's two commands produce (generator seed 2026, 20,000 rows, default training). */
class DefaultModelReproductionTest {

    private static final double EPS = 1e-9;

    @Test
    void retrainingFromTheGeneratorGivesTheShippedModel() {
        AuthenticityModel shipped = AuthenticityModel.loadDefault();
        ProfileTable data = ModelTrainerTest.generated(20000, 2026, false, SyntheticProfiles.columns(false));

        AuthenticityModel retrained = new ModelTrainer().train(data, TrainingOptions.defaults()).model();

        assertEquals(shipped.training().dataSha256(), data.sha256(), "the generator's output changed");
        List<ModelFeature> expected = shipped.features();
        List<ModelFeature> actual = retrained.features();
        assertEquals(expected.stream().map(ModelFeature::name).toList(), actual.stream().map(ModelFeature::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).mean(), actual.get(i).mean(), EPS, expected.get(i).name());
            assertEquals(expected.get(i).std(), actual.get(i).std(), EPS, expected.get(i).name());
            assertEquals(expected.get(i).weight(), actual.get(i).weight(), EPS, expected.get(i).name());
        }
        assertEquals(shipped.intercept(), retrained.intercept(), EPS);
        assertEquals(shipped.threshold(), retrained.threshold(), EPS);
        assertEquals(shipped.metrics().confusionMatrix(), retrained.metrics().confusionMatrix());
    }
}
