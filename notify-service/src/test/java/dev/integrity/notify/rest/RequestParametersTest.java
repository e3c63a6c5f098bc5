package dev.integrity.notify.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.service.InvalidRequestException;

class RequestParametersTest {

    @Test
    void pagingDefaultsAndCaps() {
        assertEquals(0, RequestParameters.page(null));
        assertEquals(3, RequestParameters.page("3"));
        assertEquals(20, RequestParameters.size(null, 20, 100));
        assertEquals(7, RequestParameters.size("7", 20, 100));
        assertEquals(100, RequestParameters.size("5000", 20, 100));
    }

    @Test
    void badPagingIsRejected() {
        assertThrows(InvalidRequestException.class, () -> RequestParameters.page("-1"));
        assertThrows(InvalidRequestException.class, () -> RequestParameters.page("one"));
        assertThrows(InvalidRequestException.class, () -> RequestParameters.size("0", 20, 100));
        assertThrows(InvalidRequestException.class, () -> RequestParameters.size("1.5", 20, 100));
        assertThrows(InvalidRequestException.class, () -> RequestParameters.size("99999999999", 20, 100));
    }

    @Test
    void accountIdsFollowTheContract() {
        assertEquals("acc-42", RequestParameters.accountId("acc-42"));
        assertThrows(InvalidRequestException.class, () -> RequestParameters.accountId("no spaces"));
        assertThrows(InvalidRequestException.class, () -> RequestParameters.accountId("x".repeat(65)));
    }
}
