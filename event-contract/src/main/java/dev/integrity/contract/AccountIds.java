package dev.integrity.contract;

import java.util.regex.Pattern;

/**
 * What an account id is, in the one place every module asks: 1 to {@value #MAX_LENGTH} characters of
 * A-Z, a-z, 0-9, '.', '_' or '-' (the contract's rule for {@code accountId} and
 * {@code targetAccountId}, and for an account in a path or a record).
 */
public final class AccountIds {

    public static final int MAX_LENGTH = 64;

    /** The rule in words, for error messages. */
    public static final String RULE = "1 to " + MAX_LENGTH + " characters of A-Z, a-z, 0-9, '.', '_' or '-'";

    /** The longest id of anything else the suite names in a path or a record (an event, an enforcement, a case, an appeal). */
    public static final int MAX_ID_LENGTH = 128;

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_ID_LENGTH + "}");

    private AccountIds() {
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** Whether this is a well-formed id of anything else: an account id's characters, up to {@value #MAX_ID_LENGTH} of them. */
    public static boolean isValidId(String value) {
        return value != null && ID.matcher(value).matches();
    }
}
