package dev.integrity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.contract.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultModelTest {

    private final AuthenticityModel model = AuthenticityModel.loadDefault();

    @Test
    void loadsFromTheClassPathWithEveryProfileFeature() {
        assertEquals(FeatureSet.PROFILE_FEATURES.stream().map(Feature::name).toList(), model.featureNames());
        assertEquals(ProfileColumns.PROFILE.size(), model.requiredColumns().size());
        assertTrue(model.requiredColumns().containsAll(ProfileColumns.PROFILE));
        assertTrue(model.thresholdChoice().targetReached());
        assertTrue(model.threshold() > 0.5 && model.threshold() < 1, "threshold " + model.threshold());
        assertEquals(20000, model.training().rows());
        assertEquals(model.training().testRows(), model.metrics().confusionMatrix().total());
        assertEquals(model, AuthenticityModel.loadFromClasspath("/models/default/model.json"));
    }

    @Test
    void predatesBaseRatesAndStillTellsTheOneItsThresholdWasChosenAt() {
        assertEquals(AuthenticityModel.LOGISTIC, model.kind());
        assertNull(model.thresholdChoice().baseRate());
        assertEquals(7045 / 20000.0, model.baseRate().getAsDouble(), 1e-12);
        assertEquals(model.thresholdChoice().validationPrecision(), model.expectedPrecision().getAsDouble(), 1e-12);
        assertEquals(model, model.scorer().model());
    }

    @Test
    void scoresABotAboveAPerson() {
        Scorer scorer = model.scorer();
        Profile bot = new Profile("xkqz8830192", "", "", null, false, false, 0, 4, 2900, null);
        Profile person = new Profile("lea.novak", "Lea Novak", "nurse, runner", null, true, true, 140, 420, 380, null);

        Score botScore = scorer.score(FeatureSet.extract(bot, Map.of()));
        Score personScore = scorer.score(FeatureSet.extract(person, Map.of()));

        assertTrue(botScore.flagged(), botScore.toString());
        assertTrue(personScore.probability() < 0.2, personScore.toString());
        List<String> reasons = botScore.topContributions(3).stream().map(Contribution::feature).toList();
        assertTrue(reasons.contains(FeatureSet.LOG_FOLLOWING_RATIO) || reasons.contains(FeatureSet.LOG_FOLLOWING), reasons.toString());
    }
}
