package dev.integrity.ingest.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Changes to account counts, accumulated per account and written in one statement. */
public final class CountDeltas {

    public enum Column {
        FOLLOWERS, FOLLOWING, LIKES_GIVEN, LIKES_RECEIVED, COMMENTS_GIVEN, COMMENTS_RECEIVED
    }

    private final Map<String, long[]> byAccount = new LinkedHashMap<>();

    public void add(String accountId, Column column, long delta) {
        byAccount.computeIfAbsent(accountId, id -> new long[Column.values().length])[column.ordinal()] += delta;
    }

    public Map<String, long[]> byAccount() {
        return byAccount;
    }

    public boolean isEmpty() {
        return byAccount.isEmpty();
    }
}
