package dev.integrity.notify.messaging;

import java.util.List;

import dev.integrity.contract.AccountIds;

/**
 * The rules for the ids the readers take from records: an account id is the contract's
 * ({@link AccountIds#isValid}); any other id is not blank and at most {@link AccountIds#MAX_ID_LENGTH}
 * characters long.
 */
final class RecordIds {

    static final String ID_RULE = "1 to " + AccountIds.MAX_ID_LENGTH + " characters";

    private RecordIds() {
    }

    /** An enforcement, event, appeal or app id: not blank, at most {@link AccountIds#MAX_ID_LENGTH} characters. */
    static boolean isId(String value) {
        return value != null && !value.isBlank() && value.length() <= AccountIds.MAX_ID_LENGTH;
    }

    /** Adds "{@code <field>}: required, {@link #ID_RULE}" to a reader's problems unless the value is an id. */
    static void checkId(String field, String value, List<String> problems) {
        if (!isId(value)) {
            problems.add(field + ": required, " + ID_RULE);
        }
    }

    /** Adds "accountId: required, {@link AccountIds#RULE}" to a reader's problems unless the value is an account id. */
    static void checkAccountId(String value, List<String> problems) {
        if (!AccountIds.isValid(value)) {
            problems.add("accountId: required, " + AccountIds.RULE);
        }
    }
}
