package dev.integrity.model;

import static dev.integrity.model.ProfileColumns.Column.BIOGRAPHY;
import static dev.integrity.model.ProfileColumns.Column.EXTERNAL_URL;
import static dev.integrity.model.ProfileColumns.Column.FOLLOWER_COUNT;
import static dev.integrity.model.ProfileColumns.Column.FOLLOWING_COUNT;
import static dev.integrity.model.ProfileColumns.Column.FULL_NAME;
import static dev.integrity.model.ProfileColumns.Column.HAS_PROFILE_PICTURE;
import static dev.integrity.model.ProfileColumns.Column.IS_PRIVATE;
import static dev.integrity.model.ProfileColumns.Column.MEDIA_COUNT;
import static dev.integrity.model.ProfileColumns.Column.USERNAME;

import dev.integrity.contract.Profile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every feature the model can use: the profile features below, then the {@link BehaviourFeatures}
 * taken as given. The README's feature table documents the same formulas.
 */
public final class FeatureSet {

    public static final String LOG_FOLLOWERS = "log_followers";
    public static final String LOG_FOLLOWING = "log_following";
    public static final String LOG_FOLLOWING_RATIO = "log_following_ratio";
    public static final String LOG_MEDIA = "log_media";
    public static final String BIO_LENGTH = "bio_length";
    public static final String HAS_EXTERNAL_URL = "has_external_url";
    public static final String HAS_PROFILE_PICTURE_FEATURE = "has_profile_picture";
    public static final String IS_PRIVATE_FEATURE = "is_private";
    public static final String USERNAME_DIGITS = "username_digits";
    public static final String USERNAME_DIGIT_SHARE = "username_digit_share";
    public static final String USERNAME_LENGTH = "username_length";
    public static final String FULLNAME_WORDS = "fullname_words";
    public static final String FULLNAME_EMPTY = "fullname_empty";
    public static final String USERNAME_FULLNAME_OVERLAP = "username_fullname_overlap";

    /** The profile features, in canonical order. */
    public static final List<Feature> PROFILE_FEATURES = List.of(
            new Feature(LOG_FOLLOWERS, columns(FOLLOWER_COUNT), "ln(1 + followerCount)",
                    p -> Math.log1p(p.followerCount())),
            new Feature(LOG_FOLLOWING, columns(FOLLOWING_COUNT), "ln(1 + followingCount)",
                    p -> Math.log1p(p.followingCount())),
            // Not ln((1 + following) / (1 + followers)): that is exactly log_following - log_followers,
            // which would leave the three weights unidentifiable and the explanations arbitrary.
            new Feature(LOG_FOLLOWING_RATIO, columns(FOLLOWING_COUNT, FOLLOWER_COUNT),
                    "ln(1 + followingCount / (1 + followerCount))",
                    p -> Math.log1p(p.followingCount() / (1.0 + p.followerCount()))),
            new Feature(LOG_MEDIA, columns(MEDIA_COUNT), "ln(1 + mediaCount)",
                    p -> Math.log1p(p.mediaCount())),
            new Feature(BIO_LENGTH, columns(BIOGRAPHY), "biography length in Unicode code points, after trimming",
                    p -> codePoints(p.biography().strip())),
            new Feature(HAS_EXTERNAL_URL, columns(EXTERNAL_URL), "1 if externalUrl is not blank, else 0",
                    p -> flag(!p.externalUrl().isBlank())),
            new Feature(HAS_PROFILE_PICTURE_FEATURE, columns(HAS_PROFILE_PICTURE), "1 if hasProfilePicture, else 0",
                    p -> flag(p.hasProfilePicture())),
            new Feature(IS_PRIVATE_FEATURE, columns(IS_PRIVATE), "1 if isPrivate, else 0",
                    p -> flag(p.isPrivate())),
            new Feature(USERNAME_DIGITS, columns(USERNAME), "number of decimal digits in username",
                    p -> digits(p.username())),
            new Feature(USERNAME_DIGIT_SHARE, columns(USERNAME), "digits in username / max(1, username length)",
                    p -> digits(p.username()) / (double) Math.max(1, codePoints(p.username()))),
            new Feature(USERNAME_LENGTH, columns(USERNAME), "username length in Unicode code points",
                    p -> codePoints(p.username())),
            new Feature(FULLNAME_WORDS, columns(FULL_NAME), "number of whitespace-separated words in fullName",
                    p -> NameMatch.words(p.fullName()).size()),
            new Feature(FULLNAME_EMPTY, columns(FULL_NAME), "1 if fullName is blank, else 0",
                    p -> flag(p.fullName().isBlank())),
            new Feature(USERNAME_FULLNAME_OVERLAP, columns(USERNAME, FULL_NAME),
                    "share of fullName's words (letters only, lower-cased, 2+ letters) found inside the username's"
                            + " letters (lower-cased); 0 when fullName has no such word",
                    p -> NameMatch.overlap(p.username(), p.fullName())));

    private static final Map<String, Feature> PROFILE_BY_NAME = indexByName();

    private FeatureSet() {
    }

    private static List<String> columns(ProfileColumns.Column... columns) {
        return Stream.of(columns).map(ProfileColumns.Column::csvName).toList();
    }

    /** Every feature name, profile features first, then behaviour features. */
    public static List<String> allNames() {
        List<String> names = new ArrayList<>();
        PROFILE_FEATURES.forEach(f -> names.add(f.name()));
        names.addAll(BehaviourFeatures.ALL);
        return names;
    }

    /** The features computable from these CSV columns, in canonical order. */
    public static List<String> namesFor(Collection<String> columns) {
        List<String> names = new ArrayList<>();
        for (Feature feature : PROFILE_FEATURES) {
            if (columns.containsAll(feature.sourceColumns())) {
                names.add(feature.name());
            }
        }
        for (String behaviour : BehaviourFeatures.ALL) {
            if (columns.contains(behaviour)) {
                names.add(behaviour);
            }
        }
        return names;
    }

    /** The CSV columns these features are computed from, in the order the features name them. */
    public static List<String> sourceColumns(Collection<String> featureNames) {
        Set<String> columns = new LinkedHashSet<>();
        for (String name : featureNames) {
            columns.addAll(sourceColumnsOf(name));
        }
        return List.copyOf(columns);
    }

    public static List<String> sourceColumnsOf(String featureName) {
        Feature feature = PROFILE_BY_NAME.get(featureName);
        if (feature != null) {
            return feature.sourceColumns();
        }
        if (BehaviourFeatures.isBehaviourFeature(featureName)) {
            return List.of(featureName);
        }
        throw new IllegalArgumentException("unknown feature '" + featureName + "'");
    }

    /** The formula of a feature, as documented. */
    public static String formulaOf(String featureName) {
        Feature feature = PROFILE_BY_NAME.get(featureName);
        if (feature != null) {
            return feature.formula();
        }
        if (BehaviourFeatures.isBehaviourFeature(featureName)) {
            return "behaviour value " + featureName + " as given";
        }
        throw new IllegalArgumentException("unknown feature '" + featureName + "'");
    }

    /** Every feature the record has the data for, by name. */
    public static Map<String, Double> extract(ProfileRecord record) {
        Map<String, Double> features = new LinkedHashMap<>();
        extractInto(record, features);
        return features;
    }

    /** Features of a profile snapshot plus behaviour values (by {@link BehaviourFeatures} name; unknown names are ignored). */
    public static Map<String, Double> extract(Profile profile, Map<String, Double> behaviour) {
        return extract(ProfileRecord.of(profile, behaviour));
    }

    /** Like {@link #extract(ProfileRecord)} into a caller-owned map (cleared first), to reuse it across rows. */
    public static void extractInto(ProfileRecord record, Map<String, Double> features) {
        features.clear();
        for (Feature feature : PROFILE_FEATURES) {
            if (hasSources(record, feature)) {
                features.put(feature.name(), feature.compute().applyAsDouble(record));
            }
        }
        for (String behaviour : BehaviourFeatures.ALL) {
            Double value = record.behaviour().get(behaviour);
            if (value != null) {
                features.put(behaviour, value);
            }
        }
    }

    private static boolean hasSources(ProfileRecord record, Feature feature) {
        for (String column : feature.sourceColumns()) {
            if (record.column(column) == null) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Feature> indexByName() {
        Map<String, Feature> byName = new HashMap<>();
        PROFILE_FEATURES.forEach(f -> byName.put(f.name(), f));
        return Map.copyOf(byName);
    }

    private static double flag(boolean value) {
        return value ? 1.0 : 0.0;
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    private static int digits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }
}
