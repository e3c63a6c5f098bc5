package dev.integrity.model;

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

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
