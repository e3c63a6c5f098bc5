package dev.integrity.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class IpLiteralsTest {

    static final List<String> VALID = IpSamples.VALID;
    static final List<String> INVALID = IpSamples.INVALID;

    @ParameterizedTest
    @FieldSource("VALID")
    void acceptsLiterals(String ip) {
        assertTrue(IpLiterals.isValid(ip), ip);
    }

    @ParameterizedTest
    @FieldSource("INVALID")
    void rejectsEverythingElse(String ip) {
        assertFalse(IpLiterals.isValid(ip), ip);
    }

    @Test
    void tellsTheFamilies() {
        assertTrue(IpLiterals.isIpv4("203.0.113.9"));
        assertFalse(IpLiterals.isIpv6("203.0.113.9"));
        assertTrue(IpLiterals.isIpv6("2001:db8::1"));
        assertFalse(IpLiterals.isIpv4("2001:db8::1"));
    }
}
