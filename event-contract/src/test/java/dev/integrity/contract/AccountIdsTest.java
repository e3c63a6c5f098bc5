package dev.integrity.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for ids: an account id, and any other id named in a path or a record. */
class AccountIdsTest {

    @ParameterizedTest(name = "[{index}] {0}: account {1}, other {2}")
    @CsvSource(nullValues = "NULL", value = {
            "alice,                  true,  true",
            "a.b_c-9,                true,  true",
            "NULL,                   false, false",
            "'',                     false, false",
            "a/b,                    false, false",
            "a b,                    false, false",
            "../etc,                 false, false",
            "é,                      false, false"})
    void charactersDecide(String id, boolean account, boolean other) {
        assertEquals(account, AccountIds.isValid(id));
        assertEquals(other, AccountIds.isValidId(id));
    }

    @ParameterizedTest(name = "[{index}] {0} characters: account {1}, other {2}")
    @CsvSource({"64, true, true", "65, false, true", "128, false, true", "129, false, false"})
    void lengthDecides(int length, boolean account, boolean other) {
        String id = "x".repeat(length);
        assertEquals(account, AccountIds.isValid(id));
        assertEquals(other, AccountIds.isValidId(id));
    }
}
