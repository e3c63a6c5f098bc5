package dev.integrity.notify.messaging;

import java.util.List;

import dev.integrity.contract.AccountIds;

/** The rules for the ids the readers take from records: what an account id and any other id may be. */
final class RecordIds {

    static final int MAX_ID_LENGTH = AccountIds.MAX_ID_LENGTH;
    static final String ACCOUNT_ID_RULE = AccountIds.RULE;
    static final String ID_RULE = "1 to " + MAX_ID_LENGTH + " characters";

    private RecordIds() {
    }

    static boolean isAccountId(String value) {
        return AccountIds.isValid(value);
    }

    /** An enforcement, event, appeal or app id: not blank, at most {@link #MAX_ID_LENGTH} characters. */
    static boolean isId(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_ID_LENGTH;
    }

    /** Adds "{@code <field>}: required, {@link #ID_RULE}" to a reader's problems unless the value is an id. */
    static void checkId(String field, String value, List<String> problems) {
        if (!isId(value)) {
            problems.add(field + ": required, " + ID_RULE);
        }
    }

    /** Adds "accountId: required, {@link #ACCOUNT_ID_RULE}" to a reader's problems unless the value is an account id. */
    static void checkAccountId(String value, List<String> problems) {
        if (!isAccountId(value)) {
            problems.add("accountId: required, " + ACCOUNT_ID_RULE);
        }
    }
}
