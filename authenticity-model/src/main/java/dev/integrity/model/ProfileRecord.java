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
import java.util.Map;

/**
 * One profile as the features see it. A {@code null} field means "column absent" (features built on it
 * are not computed); a present but empty text is {@code ""}, so a missing external URL is {@code ""}.
 *
 * @param behaviour behaviour feature values by {@link BehaviourFeatures} name; never null
 */
public record ProfileRecord(
        String username,
        String fullName,
        String biography,
        String externalUrl,
        Boolean hasProfilePicture,
        Boolean isPrivate,
        Long mediaCount,
        Long followerCount,
        Long followingCount,
        Map<String, Double> behaviour) {

    public ProfileRecord {
        behaviour = behaviour == null ? Map.of() : Map.copyOf(behaviour);
    }

    /** A complete record from a profile snapshot event, without behaviour values. */
    public static ProfileRecord of(Profile profile) {
        return of(profile, Map.of());
    }

    public static ProfileRecord of(Profile profile, Map<String, Double> behaviour) {
        return new ProfileRecord(
                orEmpty(profile.username()), orEmpty(profile.fullName()), orEmpty(profile.biography()),
                orEmpty(profile.externalUrl()), profile.hasProfilePicture(), profile.isPrivate(),
                profile.mediaCount(), profile.followerCount(), profile.followingCount(), behaviour);
    }

    /**
     * The value of a CSV column: a profile field by its {@link ProfileColumns} name, else the behaviour value of
     * that name; null when absent.
     */
    public Object column(String name) {
        ProfileColumns.Column column = ProfileColumns.Column.named(name);
        if (column == null) {
            return behaviour.get(name);
        }
        return switch (column) {
            case USERNAME -> username;
            case FULL_NAME -> fullName;
            case BIOGRAPHY -> biography;
            case EXTERNAL_URL -> externalUrl;
            case HAS_PROFILE_PICTURE -> hasProfilePicture;
            case IS_PRIVATE -> isPrivate;
            case MEDIA_COUNT -> mediaCount;
            case FOLLOWER_COUNT -> followerCount;
            case FOLLOWING_COUNT -> followingCount;
        };
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
