package dev.integrity.model;

import java.util.List;

/** The column names of the labelled profile CSV (contract section 5), which are also the profile's field names. */
public final class ProfileColumns {

    public static final String USERNAME = "username";
    public static final String FULL_NAME = "fullName";
    public static final String BIOGRAPHY = "biography";
    public static final String EXTERNAL_URL = "externalUrl";
    public static final String HAS_PROFILE_PICTURE = "hasProfilePicture";
    public static final String IS_PRIVATE = "isPrivate";
    public static final String MEDIA_COUNT = "mediaCount";
    public static final String FOLLOWER_COUNT = "followerCount";
    public static final String FOLLOWING_COUNT = "followingCount";
    public static final String LABEL = "label";

    /** The profile columns, in the contract's order; each may be absent from a CSV. */
    public static final List<String> PROFILE = List.of(USERNAME, FULL_NAME, BIOGRAPHY, EXTERNAL_URL,
            HAS_PROFILE_PICTURE, IS_PRIVATE, MEDIA_COUNT, FOLLOWER_COUNT, FOLLOWING_COUNT);

    private ProfileColumns() {
    }
}
