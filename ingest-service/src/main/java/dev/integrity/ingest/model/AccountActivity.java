package dev.integrity.ingest.model;

import java.time.Instant;
import java.util.List;

/**
 * The engagement an account gave, per hour (UTC) and per app, oldest first; only hours with
 * activity. The window ends at the account's newest activity, not at the wall clock.
 */
public record AccountActivity(String accountId, String bucket, List<Hour> items) {

    /** The bucket size, as an ISO-8601 duration. */
    public static final String HOURLY = "PT1H";

    /** The app of engagement through a first-party app, or through none named. */
    public static final String FIRST_PARTY = "first-party";

    public static AccountActivity hourly(String accountId, List<Hour> items) {
        return new AccountActivity(accountId, HOURLY, items);
    }

    /** One hour's engagement through one app: {@code app} is the third-party app's id, or {@link #FIRST_PARTY}. */
    public record Hour(Instant at, String app, long follows, long likes, long comments) {
    }
}
