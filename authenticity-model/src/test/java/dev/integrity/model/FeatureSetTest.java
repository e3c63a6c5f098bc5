package dev.integrity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.contract.Profile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

    private static final double EPS = 1e-12;

    @Test
    void computesEachProfileFeature() {
        ProfileRecord p = new ProfileRecord("anna_schmidt92", "Anna Schmidt", "  runner 🌿 ", "", true, false,
                0L, 99L, 1999L, Map.of());

        Map<String, Double> f = FeatureSet.extract(p);

        assertEquals(Math.log(100), f.get(FeatureSet.LOG_FOLLOWERS), EPS);
        assertEquals(Math.log(2000), f.get(FeatureSet.LOG_FOLLOWING), EPS);
        assertEquals(Math.log1p(1999 / 100.0), f.get(FeatureSet.LOG_FOLLOWING_RATIO), EPS);
        assertEquals(0.0, f.get(FeatureSet.LOG_MEDIA), EPS);
        assertEquals(8.0, f.get(FeatureSet.BIO_LENGTH), EPS);
        assertEquals(0.0, f.get(FeatureSet.HAS_EXTERNAL_URL), EPS);
        assertEquals(1.0, f.get(FeatureSet.HAS_PROFILE_PICTURE_FEATURE), EPS);
        assertEquals(0.0, f.get(FeatureSet.IS_PRIVATE_FEATURE), EPS);
        assertEquals(2.0, f.get(FeatureSet.USERNAME_DIGITS), EPS);
        assertEquals(2.0 / 14, f.get(FeatureSet.USERNAME_DIGIT_SHARE), EPS);
        assertEquals(14.0, f.get(FeatureSet.USERNAME_LENGTH), EPS);
        assertEquals(2.0, f.get(FeatureSet.FULLNAME_WORDS), EPS);
        assertEquals(0.0, f.get(FeatureSet.FULLNAME_EMPTY), EPS);
        assertEquals(1.0, f.get(FeatureSet.USERNAME_FULLNAME_OVERLAP), EPS);
        assertEquals(FeatureSet.PROFILE_FEATURES.size(), f.size());
    }

    @Test
    void usernameOverlapCountsTheFullNamesWordsFoundInIt() {
        assertEquals(0.5, NameMatch.overlap("anna.k_1", "Anna Kowalski"), EPS);
        assertEquals(1.0, NameMatch.overlap("MüllerJonas", "Jonas Müller"), EPS);
        assertEquals(0.0, NameMatch.overlap("xk3920", "Anna Kowalski"), EPS);
        assertEquals(0.0, NameMatch.overlap("anna", ""), EPS);
        assertEquals(0.0, NameMatch.overlap("anna", "A"), EPS);
    }

    @Test
    void emptyUsernameAndNameStayFinite() {
        Map<String, Double> f = FeatureSet.extract(new ProfileRecord("", "", "", "", false, true, 0L, 0L, 0L, Map.of()));

        assertEquals(0.0, f.get(FeatureSet.USERNAME_DIGIT_SHARE), EPS);
        assertEquals(0.0, f.get(FeatureSet.FULLNAME_WORDS), EPS);
        assertEquals(1.0, f.get(FeatureSet.FULLNAME_EMPTY), EPS);
        assertEquals(0.0, f.get(FeatureSet.LOG_FOLLOWING_RATIO), EPS);
        f.values().forEach(v -> assertTrue(Double.isFinite(v)));
    }

    @Test
    void computesOnlyFeaturesWhoseColumnsArePresent() {
        ProfileRecord p = new ProfileRecord(null, null, null, null, null, null, 3L, 10L, null,
                Map.of(BehaviourFeatures.FOLLOWS_24H, 40.0, "not_a_feature", 1.0));

        Map<String, Double> f = FeatureSet.extract(p);

        assertEquals(List.of(FeatureSet.LOG_FOLLOWERS, FeatureSet.LOG_MEDIA, BehaviourFeatures.FOLLOWS_24H),
                List.copyOf(f.keySet()));
    }

    @Test
    void namesTheFeaturesAvailableFromColumnsAndTheColumnsFeaturesNeed() {
        List<String> names = FeatureSet.namesFor(List.of("followerCount", "followingCount", "interval_cv", "label"));

        assertEquals(List.of(FeatureSet.LOG_FOLLOWERS, FeatureSet.LOG_FOLLOWING, FeatureSet.LOG_FOLLOWING_RATIO,
                BehaviourFeatures.INTERVAL_CV), names);
        assertEquals(List.of("followerCount", "followingCount", "interval_cv"), FeatureSet.sourceColumns(names));
        assertEquals(List.of("username", "fullName"), FeatureSet.sourceColumnsOf(FeatureSet.USERNAME_FULLNAME_OVERLAP));
        assertThrows(IllegalArgumentException.class, () -> FeatureSet.sourceColumnsOf("nope"));
    }

    @Test
    void everyFeatureIsDocumentedAndNamedOnce() {
        List<String> all = FeatureSet.allNames();

        assertEquals(all.size(), Set.copyOf(all).size());
        assertEquals(FeatureSet.PROFILE_FEATURES.size() + BehaviourFeatures.ALL.size(), all.size());
        all.forEach(name -> assertFalse(FeatureSet.formulaOf(name).isBlank()));
    }

    @Test
    void extractsFromAContractProfileAndBehaviour() {
        Profile profile = new Profile("user83920", null, null, null, false, false, 0, 3, 2500, null);

        Map<String, Double> f = FeatureSet.extract(profile, Map.of(BehaviourFeatures.THIRD_PARTY_SHARE_24H, 0.9));

        assertEquals(1.0, f.get(FeatureSet.FULLNAME_EMPTY), EPS);
        assertEquals(0.0, f.get(FeatureSet.HAS_EXTERNAL_URL), EPS);
        assertEquals(0.9, f.get(BehaviourFeatures.THIRD_PARTY_SHARE_24H), EPS);
        assertEquals(FeatureSet.PROFILE_FEATURES.size() + 1, f.size());
    }
}
